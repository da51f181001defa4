using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// One breach: a rule that started refusing or clamping orders, or a portfolio limit that changed the trading state.
/// Values are raw fixed point (10^-8) in the rule's unit (see <see cref="RiskRule"/>), saturated to 64 bits.
/// </summary>
public struct RiskBreach
{
    /// <summary>The rule.</summary>
    public RiskRule Rule;

    /// <summary>The trading state after the breach.</summary>
    public TradingState State;

    /// <summary>The order's side (<see cref="Side.None"/> for a portfolio breach).</summary>
    public Side Side;

    /// <summary>True when the order was clamped rather than refused.</summary>
    public bool Clamped;

    /// <summary>The event's symbol.</summary>
    public SymbolId Symbol;

    /// <summary>The quantity the order asked for (zero for a portfolio breach).</summary>
    public long Quantity;

    /// <summary>What the rule measured.</summary>
    public long Observed;

    /// <summary>The limit it measured against.</summary>
    public long Limit;

    /// <summary>Saturates a 128-bit fixed-point value to 64 bits (for display only).</summary>
    public static long Saturate(Int128 value) => value > long.MaxValue ? long.MaxValue : value < long.MinValue ? long.MinValue : (long)value;
}
