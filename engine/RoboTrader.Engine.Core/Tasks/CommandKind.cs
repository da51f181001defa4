namespace RoboTrader.Engine.Core.Tasks;

/// <summary>An operator command.</summary>
public enum CommandKind : byte
{
    /// <summary>No command (the slot carries none).</summary>
    None = 0,

    /// <summary>Halt trading (engage the kill switch).</summary>
    Halt = 1,

    /// <summary>Resume trading.</summary>
    Resume = 2,

    /// <summary>Set a risk limit.</summary>
    SetLimit = 3,

    /// <summary>Enter REDUCING: only orders that reduce exposure (and cancels) until <see cref="Resume"/>.</summary>
    Reduce = 4,
}
