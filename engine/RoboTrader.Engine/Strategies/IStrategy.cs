using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Strategies;

/// <summary>
/// A trading strategy: sees every parsed market event with its risk envelope and a read-only portfolio view, and may
/// emit one order intent — a new order (a bracket entry is one intent with take-profit and stop-loss prices), or a
/// cancel or replace of a working order (<see cref="OrderIntent.Action"/>, <see cref="OrderIntent.Target"/>). The
/// decide stage checks the intent against the envelope before it can become an order. The full contract, with an
/// example, is in docs/STRATEGIES.md.
/// </summary>
/// <remarks>
/// Called only from the decide stage's thread (fused with risk and execute, so the view is consistent); must be
/// deterministic (event time only, no wall clock, no unseeded randomness, fixed-point arithmetic) and allocate
/// nothing per event. A strategy with state implements <see cref="Checkpoints.ICheckpointable"/> too: decide writes
/// it into its checkpoint and restores it on resume.
/// </remarks>
public interface IStrategy
{
    /// <summary>Handles <paramref name="e"/> (sequence <paramref name="sequence"/>); writes an intent into <paramref name="intent"/> (cleared by decide before the call) or leaves it absent.</summary>
    void OnMarketEvent(in MarketEvent e, long sequence, in RiskEnvelope envelope, IPortfolioView portfolio, ref OrderIntent intent);
}
