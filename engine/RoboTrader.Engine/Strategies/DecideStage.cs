using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Strategies;

/// <summary>
/// Runs the strategy on each market event and checks its intent against the event's risk envelope: an intent
/// outside the envelope is clamped or refused, never sent. A cancel always passes (it never adds exposure); a replace
/// is checked like a new order, with the replaced order's quantity released first. Signal events update the <see cref="SignalBook"/> (when
/// the stage has one) that signal-aware strategies read.
/// </summary>
public sealed class DecideStage : IStage, ICheckpointable
{
    private readonly IStrategy _strategy;
    private readonly IPortfolioView _portfolio;
    private readonly SignalBook? _signals;

    /// <summary>Creates the stage.</summary>
    public DecideStage(IStrategy strategy, IPortfolioView portfolio)
        : this(strategy, portfolio, null)
    {
    }

    /// <summary>Creates the stage; signals are recorded in <paramref name="signals"/> (written only on this stage's thread).</summary>
    public DecideStage(IStrategy strategy, IPortfolioView portfolio, SignalBook? signals)
    {
        _signals = signals;
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(portfolio);
        _strategy = strategy;
        _portfolio = portfolio;
    }

    /// <inheritdoc />
    public StageKind Kind => StageKind.Decide;

    /// <summary>Intents refused by the envelope.</summary>
    public long Refused { get; private set; }

    /// <summary>Intents clamped by the envelope.</summary>
    public long Clamped { get; private set; }

    /// <inheritdoc />
    public void OnEvent(PipelineSlot slot, long sequence, bool endOfBatch)
    {
        slot.Intent = default;
        slot.IntentError = ErrorCode.None;
        if (slot.Market.Kind == MarketEventKind.None)
        {
            if (slot.Signal.IsPresent)
            {
                _signals?.Record(in slot.Signal);
            }

            return;
        }

        _signals?.OnMarketTime(slot.Market.TimeNanos);

        _strategy.OnMarketEvent(in slot.Market, sequence, in slot.Envelope, _portfolio, ref slot.Intent);
        if (!slot.Intent.IsPresent)
        {
            return;
        }

        ErrorCode error;
        switch (slot.Intent.Action)
        {
            case OrderAction.Cancel:
                // Cancelling never adds exposure: it passes even when halted.
                return;
            case OrderAction.Replace:
                var released = ReleaseTarget(in slot.Intent, in slot.Envelope);
                error = EnvelopeCheck.Apply(ref slot.Intent, in released, ref slot.Breaches);
                break;
            default:
                error = EnvelopeCheck.Apply(ref slot.Intent, in slot.Envelope, ref slot.Breaches);
                break;
        }

        if (error != ErrorCode.None)
        {
            slot.IntentError = error;
            if (slot.Intent.IsPresent)
            {
                Clamped++;
            }
            else
            {
                Refused++;
            }
        }
    }

    /// <summary>
    /// The envelope a replace is checked against: the order it replaces stops counting once replaced, so its
    /// quantity is added back to what may be bought (or sold). A target that is no longer working releases nothing.
    /// </summary>
    private RiskEnvelope ReleaseTarget(in OrderIntent intent, in RiskEnvelope envelope)
    {
        var released = envelope;
        foreach (ref readonly var order in _portfolio.WorkingOrders(intent.Symbol))
        {
            if (order.Id != intent.Target || order.Side != intent.Side)
            {
                continue;
            }

            if (order.Side == Side.Buy)
            {
                released.MaxBuy += order.Quantity;
            }
            else
            {
                released.MaxSell += order.Quantity;
            }

            break;
        }

        return released;
    }

    /// <inheritdoc />
    public void OnStart()
    {
    }

    /// <inheritdoc />
    public void OnShutdown()
    {
    }


    /// <inheritdoc />
    /// <remarks>Includes the strategy's state (when it has any) and the signal book's.</remarks>
    public void WriteState(ref MessagePackWriter writer)
    {
        writer.WriteInt64(Refused);
        writer.WriteInt64(Clamped);
        (_strategy as ICheckpointable)?.WriteState(ref writer);
        _signals?.WriteState(ref writer);
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        Refused = CheckpointState.ReadInt64(ref reader);
        Clamped = CheckpointState.ReadInt64(ref reader);
        (_strategy as ICheckpointable)?.ReadState(ref reader);
        _signals?.ReadState(ref reader);
    }
}
