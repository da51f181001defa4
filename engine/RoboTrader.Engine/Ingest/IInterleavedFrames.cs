namespace RoboTrader.Engine.Ingest;

/// <summary>
/// Frames another source merges into its own stream by event time (e.g. signals beside LEAN market data): each frame
/// has a merge time known without parsing it, and frames come out in their own order.
/// </summary>
/// <remarks>Called only from the ingest thread of the source that interleaves them.</remarks>
public interface IInterleavedFrames
{
    /// <summary>Registers the frames' source(s); called once, after the host source registered its own.</summary>
    void RegisterSources(SourceRegistry registry);

    /// <summary>Opens the input; called once at the start of the run.</summary>
    void Open();

    /// <summary>The merge time (UTC nanoseconds) of the next frame; <see cref="long.MaxValue"/> when none is left.</summary>
    long NextTime { get; }

    /// <summary>Publishes the next frame through <paramref name="ingest"/>.</summary>
    void PublishNext(IngestStage ingest);
}
