namespace RoboTrader.Engine.Journal;

/// <summary>How <see cref="JournalWriter"/> writes its blocks (<see cref="JournalBlock"/>); readers take any kind.</summary>
public enum JournalCompression : byte
{
    /// <summary>Plain blocks: the records' MessagePack maps back to back.</summary>
    None,

    /// <summary>Brotli-compressed plain blocks: fewest bytes, most work on the producer's thread.</summary>
    Brotli,

    /// <summary>Field-delta coded blocks (<see cref="JournalDeltaEncoder"/>): few bytes for regular market data rows, cheap to write.</summary>
    Delta,
}
