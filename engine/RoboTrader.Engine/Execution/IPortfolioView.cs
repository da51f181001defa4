using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Execution;

/// <summary>A read-only view of positions and working orders, for risk and strategies.</summary>
/// <remarks>Read only from the thread that runs execute (risk, decide and execute are always fused).</remarks>
public interface IPortfolioView
{
    /// <summary>Signed position in <paramref name="symbol"/>.</summary>
    Quantity PositionOf(SymbolId symbol);

    /// <summary>Total quantity of working buy orders in <paramref name="symbol"/>.</summary>
    Quantity PendingBuyOf(SymbolId symbol);

    /// <summary>Total quantity of working sell orders in <paramref name="symbol"/>.</summary>
    Quantity PendingSellOf(SymbolId symbol);
}
