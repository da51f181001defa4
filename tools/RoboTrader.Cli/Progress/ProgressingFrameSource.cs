using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Cli.Progress;

/// <summary>
/// Wraps a frame source so that a progress display can read, from its own thread, how many frames have entered the
/// ring (<see cref="IngestStage.Published"/>) and how much of the input has been read. Adds nothing per frame: the
/// source publishes through the ingest stage exactly as before.
/// </summary>
public sealed class ProgressingFrameSource : IFrameSource
{
    private readonly IFrameSource _inner;
    private readonly Func<double?> _fraction;
    private IngestStage? _ingest;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="fraction"/> tells the share of the input read (null: unknown), from any thread.</summary>
    public ProgressingFrameSource(IFrameSource inner, Func<double?> fraction)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(fraction);
        _inner = inner;
        _fraction = fraction;
    }

    /// <inheritdoc />
    public SymbolTable Symbols => _inner.Symbols;

    /// <summary>Frames published so far (0 before the run starts); safe from any thread.</summary>
    public long Events => Volatile.Read(ref _ingest)?.Published ?? 0;

    /// <summary>Share of the input read, or null.</summary>
    public double? Fraction => _fraction();

    /// <inheritdoc />
    public void RegisterSources(SourceRegistry registry) => _inner.RegisterSources(registry);

    /// <inheritdoc />
    public void Run(IngestStage ingest, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _ingest, ingest);
        _inner.Run(ingest, cancellationToken);
    }
}
