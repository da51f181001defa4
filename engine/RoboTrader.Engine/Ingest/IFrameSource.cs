using RoboTrader.Engine.Core.Market;

namespace RoboTrader.Engine.Ingest;

/// <summary>
/// An adapter that produces raw frames: recorded files, a feed connection. It registers its sources before the run,
/// then publishes frames in order through the <see cref="IngestStage"/> on the caller's thread.
/// </summary>
public interface IFrameSource
{
    /// <summary>The symbols the source can produce, fixed before the run.</summary>
    SymbolTable Symbols { get; }

    /// <summary>Registers every source of frames with <paramref name="registry"/>. Called once, before <see cref="Run"/>.</summary>
    void RegisterSources(SourceRegistry registry);

    /// <summary>
    /// Publishes every frame through <paramref name="ingest"/>; returns at the end of the data or when cancelled. The
    /// source does not publish the end-of-data marker: the host does (<see cref="Pipeline.EnginePipeline.Complete"/>),
    /// since one pipeline may be fed by several sources.
    /// </summary>
    void Run(IngestStage ingest, CancellationToken cancellationToken);
}
