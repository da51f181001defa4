namespace RoboTrader.Engine.Ingest;

/// <summary>
/// The registered sources, indexed by <see cref="SourceId"/>. Filled before the pipeline starts and read-only after,
/// so stage threads read it without locks; ids are assigned in registration order, which makes them deterministic.
/// </summary>
public sealed class SourceRegistry
{
    private readonly List<SourceDescriptor> _sources = [];
    private volatile bool _frozen;

    /// <summary>Number of sources.</summary>
    public int Count => _sources.Count;

    /// <summary>The descriptor of <paramref name="id"/>.</summary>
    public SourceDescriptor this[SourceId id] => _sources[id.Value];

    /// <summary>All descriptors in id order.</summary>
    public IReadOnlyList<SourceDescriptor> All => _sources;

    /// <summary>Registers a source; only before <see cref="Freeze"/>.</summary>
    public SourceId Register(SourceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (_frozen)
        {
            throw new InvalidOperationException("sources must be registered before the pipeline starts");
        }

        _sources.Add(descriptor);
        return new SourceId(_sources.Count - 1);
    }

    /// <summary>True when <paramref name="id"/> is registered.</summary>
    public bool Contains(SourceId id) => (uint)id.Value < (uint)_sources.Count;

    /// <summary>Ends registration; the pipeline calls it at start.</summary>
    public void Freeze() => _frozen = true;
}
