namespace RoboTrader.Engine.Pipeline;

/// <summary>What a ring slot carries.</summary>
public enum SlotKind : byte
{
    /// <summary>A raw input frame from an adapter.</summary>
    Frame = 0,

    /// <summary>End of the input: stages finish (cancel what is pending, flush) when it reaches them.</summary>
    EndOfData = 1,
}
