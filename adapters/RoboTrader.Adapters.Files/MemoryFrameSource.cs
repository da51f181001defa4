using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Adapters.Files;

/// <summary>Frames held in memory (e.g. dead letters read back), published in list order as one source.</summary>
public sealed class MemoryFrameSource : IFrameSource
{
    private readonly SourceDescriptor _descriptor;
    private readonly IReadOnlyList<byte[]> _frames;
    private SourceId _id;

    /// <summary>Creates the source.</summary>
    public MemoryFrameSource(SourceDescriptor descriptor, SymbolTable symbols, IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(frames);
        _descriptor = descriptor;
        _frames = frames;
        Symbols = symbols;
    }

    /// <inheritdoc />
    public SymbolTable Symbols { get; }

    /// <inheritdoc />
    public void RegisterSources(SourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _id = registry.Register(_descriptor);
    }

    /// <inheritdoc />
    public void Run(IngestStage ingest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        foreach (var frame in _frames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ingest.Publish(_id, frame);
        }

        ingest.Flush();
    }
}
