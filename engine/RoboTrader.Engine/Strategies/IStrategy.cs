using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Strategies;

/// <summary>
/// A trading strategy: sees every parsed market event with its risk envelope and a read-only portfolio view, and may
/// emit one order intent. The decide stage checks the intent against the envelope before it can become an order.
/// </summary>
/// <remarks>Called only from the decide stage's thread; must be deterministic (no wall clock, no randomness without a seed).</remarks>
public interface IStrategy
{
    /// <summary>Handles <paramref name="e"/> (sequence <paramref name="sequence"/>); writes an intent into <paramref name="intent"/> or leaves it absent.</summary>
    void OnMarketEvent(in MarketEvent e, long sequence, in RiskEnvelope envelope, IPortfolioView portfolio, ref OrderIntent intent);
}
