using RoboTrader.Engine.Core.Market;

namespace RoboTrader.Engine.Core.Tasks;

/// <summary>
/// An operator command (halt, resume, set a limit), written in place into a ring slot by the parse stage. Commands
/// are accepted only from frames that match the strict schema exactly: an ambiguous command is never guessed.
/// </summary>
public struct Command
{
    /// <summary>What to do (<see cref="CommandKind.None"/> when the slot carries no command).</summary>
    public CommandKind Kind;

    /// <summary>The limit to set (<see cref="CommandKind.SetLimit"/> only).</summary>
    public CommandLimit Limit;

    /// <summary>The symbol the command applies to, or <see cref="SymbolId.None"/> for all.</summary>
    public SymbolId Symbol;

    /// <summary>The new limit value in fixed point (10^-8 units).</summary>
    public long Value;

    /// <summary>True when the slot carries a command.</summary>
    public readonly bool IsPresent => Kind != CommandKind.None;
}
