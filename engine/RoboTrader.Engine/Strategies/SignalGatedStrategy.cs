using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Tasks;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Strategies;

/// <summary>
/// The <c>signal-gate</c> option: wraps a target-position strategy and clamps its target on each trade print by the
/// symbol's latest fresh signal — a buy allows long or flat (never short), a sell allows short or flat (never long),
/// and a hold, a stale signal or no signal at all allows only flat. So the gated strategy never opens or adds to a
/// position against the signal, and it does not hold a position without a fresh signal behind it.
/// </summary>
/// <remarks>
/// The inner strategy's target is recovered from its intent (position + working orders + the intent's signed
/// quantity; no intent means it wants what it has). Acts on the same events the inner strategy trades on: trade prints
/// that are neither suspicious nor partial.
/// </remarks>
public sealed class SignalGatedStrategy : IStrategy, ICheckpointable
{
    private readonly IStrategy _inner;
    private readonly SignalBook _signals;

    /// <summary>Creates the gate around <paramref name="inner"/>.</summary>
    public SignalGatedStrategy(IStrategy inner, SignalBook signals)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(signals);
        _inner = inner;
        _signals = signals;
    }

    /// <summary>Intents the gate changed or suppressed.</summary>
    public long Gated { get; private set; }

    /// <inheritdoc />
    public void OnMarketEvent(in MarketEvent e, long sequence, in RiskEnvelope envelope, IPortfolioView portfolio, ref OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        _inner.OnMarketEvent(in e, sequence, in envelope, portfolio, ref intent);
        if (!e.IsTradePrint || e.IsSuspicious || e.IsPartial)
        {
            return;
        }

        var current = TargetOrder.Current(in e, portfolio);
        var target = current;
        if (intent.IsPresent)
        {
            target += intent.Side == Side.Buy ? intent.Quantity.Raw : -intent.Quantity.Raw;
        }

        var gated = _signals.FreshDirection(e.Symbol, e.TimeNanos) switch
        {
            SignalDirection.Buy => Math.Max(target, 0),
            SignalDirection.Sell => Math.Min(target, 0),
            _ => 0,
        };
        if (gated == target)
        {
            return;
        }

        if (intent.IsPresent)
        {
            Gated++;
        }

        TargetOrder.Emit(in e, gated, portfolio, ref intent);
    }


    /// <inheritdoc />
    /// <remarks>The signal book is the decide stage's to write.</remarks>
    public void WriteState(ref MessagePackWriter writer)
    {
        writer.WriteInt64(Gated);
        (_inner as ICheckpointable)?.WriteState(ref writer);
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        Gated = CheckpointState.ReadInt64(ref reader);
        (_inner as ICheckpointable)?.ReadState(ref reader);
    }
}
