using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>A journal-like record as the persist stage would write it: spans into the frame, no copies.</summary>
internal ref struct JournalRecord
{
    public long Sequence;
    public int SourceId;
    public long ReceiveTicks;
    public ReadOnlySpan<byte> Raw;
    public ReadOnlySpan<byte> SymbolUtf8;
    public MessagePackTimestamp EventTime;
}
