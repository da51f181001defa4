namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>Which step of the pipeline a handler performs.</summary>
public enum PipelineStep : byte
{
    /// <summary>Adds the two operands.</summary>
    One,

    /// <summary>Adds 3 to step one's result.</summary>
    Two,

    /// <summary>Counts the events whose step-two result has bit 2 set.</summary>
    Three,
}
