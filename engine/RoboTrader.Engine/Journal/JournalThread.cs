namespace RoboTrader.Engine.Journal;

/// <summary>Which thread writes the input journal.</summary>
public enum JournalThread
{
    /// <summary>
    /// The first consumer group's, before its stages handle each frame (the default): with parse on the producer thread
    /// (the default placement) the consumer has time to spare, while the producer sets the pace.
    /// </summary>
    Consumer = 0,

    /// <summary>Ingest's, on the producer thread, before each frame is published.</summary>
    Producer = 1,
}
