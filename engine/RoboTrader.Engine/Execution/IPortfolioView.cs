using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Execution;

/// <summary>A read-only view of cash, positions and working orders, for risk and strategies.</summary>
/// <remarks>Read only from the thread that runs execute (risk, decide and execute are always fused).</remarks>
public interface IPortfolioView
{
    /// <summary>Signed position in <paramref name="symbol"/>.</summary>
    Quantity PositionOf(SymbolId symbol);

    /// <summary>Total quantity of working buy orders in <paramref name="symbol"/>.</summary>
    Quantity PendingBuyOf(SymbolId symbol);

    /// <summary>Total quantity of working sell orders in <paramref name="symbol"/>.</summary>
    Quantity PendingSellOf(SymbolId symbol);

    /// <summary>Working orders of <paramref name="symbol"/>, oldest first (strategies cancel or replace them by id).</summary>
    ReadOnlySpan<Core.Trading.Order> WorkingOrders(SymbolId symbol);

    /// <summary>The last mark (last trade price) of <paramref name="symbol"/>; zero before the first.</summary>
    Price MarkOf(SymbolId symbol);

    /// <summary>Average cost of the open position in <paramref name="symbol"/> (zero when flat).</summary>
    Price AverageCostOf(SymbolId symbol);

    /// <summary>Cash: initial cash + realized PnL − fees − the cost of open positions.</summary>
    Money Cash { get; }

    /// <summary>Equity: cash + every position marked at its last trade.</summary>
    Money Equity { get; }

    /// <summary>Σ |position × mark| over all symbols.</summary>
    Money GrossExposure { get; }

    /// <summary>Σ position × mark over all symbols (signed).</summary>
    Money NetExposure { get; }
}
