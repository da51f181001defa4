using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// The pre-trade check of an intent against its envelope, in this order: a cancel always passes; refused when HALTED,
/// when a data guard blocks the symbol (stale reference, crossed quote), without a reference price, or outside a price
/// band (last trade, then quote midpoint); clamped to the per-order notional limit and then to what the envelope still
/// allows on the intent's side (reduce-only in REDUCING), refused when that is nothing; finally refused when the
/// order-rate throttle has no token. Order-level checks never change the trading state.
/// </summary>
/// <remarks>
/// Only an intent that survives takes throttle tokens (clamped or not); one that passes unchanged re-arms the breach
/// latches of its symbol. Called on the thread that runs risk (the gate's owner).
/// </remarks>
public static class EnvelopeCheck
{
    /// <summary>Applies the envelope; returns <see cref="ErrorCode.None"/> when the intent passes unchanged. A refused intent is cleared.</summary>
    public static ErrorCode Apply(ref OrderIntent intent, in RiskEnvelope envelope)
    {
        var breaches = default(RiskBreaches);
        return Apply(ref intent, in envelope, ref breaches);
    }

    /// <summary>As <see cref="Apply(ref OrderIntent, in RiskEnvelope)"/>, recording breaches in <paramref name="breaches"/>
    /// (through the envelope's gate, which latches them).</summary>
    public static ErrorCode Apply(ref OrderIntent intent, in RiskEnvelope envelope, ref RiskBreaches breaches)
    {
        if (!intent.IsPresent || intent.Action == OrderAction.Cancel)
        {
            return ErrorCode.None;
        }

        if (envelope.Halted)
        {
            return Refuse(ref intent, in envelope, ref breaches, RiskRule.Halted, intent.Quantity.Raw, 0);
        }

        if (envelope.Block != RiskRule.None)
        {
            return Refuse(ref intent, in envelope, ref breaches, envelope.Block, envelope.BlockObserved, envelope.BlockLimit);
        }

        if (envelope.Reference.IsZero)
        {
            return Refuse(ref intent, in envelope, ref breaches, RiskRule.NoReference, 0, 0);
        }

        var price = intent.Type == OrderType.Limit ? intent.LimitPrice : intent.ReferencePrice;
        if (price < envelope.BandLow || price > envelope.BandHigh)
        {
            return Refuse(ref intent, in envelope, ref breaches, RiskRule.PriceBand, price.Raw, (price < envelope.BandLow ? envelope.BandLow : envelope.BandHigh).Raw);
        }

        if (!envelope.MidBandHigh.IsZero && (price < envelope.MidBandLow || price > envelope.MidBandHigh))
        {
            return Refuse(ref intent, in envelope, ref breaches, RiskRule.MidBand, price.Raw, (price < envelope.MidBandLow ? envelope.MidBandLow : envelope.MidBandHigh).Raw);
        }

        var result = ErrorCode.None;
        if (envelope.MaxOrderNotional.Raw > 0)
        {
            var at = price.Raw > 0 ? price.Raw : envelope.Reference.Raw;
            var limit = envelope.MaxOrderNotional.Raw;
            if ((Int128)intent.Quantity.Raw * at > limit * FixedPoint.Scale)
            {
                var allowed = RiskMath.QuantityFor(limit, at);
                var notional = FixedPoint.Multiply(intent.Quantity.Raw, at);
                if (allowed <= 0)
                {
                    return Refuse(ref intent, in envelope, ref breaches, RiskRule.MaxOrderNotional, RiskBreach.Saturate(notional), RiskBreach.Saturate(limit));
                }

                Record(in intent, in envelope, ref breaches, RiskRule.MaxOrderNotional, clamped: true, RiskBreach.Saturate(notional), RiskBreach.Saturate(limit));
                intent.Quantity = new Quantity(allowed);
                result = ErrorCode.RiskOrderNotional;
            }
        }

        var buy = intent.Side == Side.Buy;
        var capacity = buy ? envelope.MaxBuy : envelope.MaxSell;
        if (intent.Quantity > capacity)
        {
            var rule = buy ? envelope.BuyRule : envelope.SellRule;
            if (rule == RiskRule.None)
            {
                rule = RiskRule.MaxPosition;
            }

            if (capacity.Raw <= 0)
            {
                return Refuse(ref intent, in envelope, ref breaches, rule, intent.Quantity.Raw, 0);
            }

            Record(in intent, in envelope, ref breaches, rule, clamped: true, intent.Quantity.Raw, capacity.Raw);
            intent.Quantity = capacity;
            result = RiskRules.Code(rule);
        }

        if (envelope.Gate is { } gate)
        {
            var throttle = gate.Throttle(envelope.Symbol, out var tokens, out var burst);
            if (throttle != RiskRule.None)
            {
                return Refuse(ref intent, in envelope, ref breaches, throttle, tokens, burst);
            }

            gate.Passed(envelope.Symbol, rearm: result == ErrorCode.None);
        }

        return result;
    }

    private static ErrorCode Refuse(ref OrderIntent intent, in RiskEnvelope envelope, ref RiskBreaches breaches, RiskRule rule, long observed, long limit)
    {
        Record(in intent, in envelope, ref breaches, rule, clamped: false, observed, limit);
        intent = default;
        return RiskRules.Code(rule);
    }

    private static void Record(in OrderIntent intent, in RiskEnvelope envelope, ref RiskBreaches breaches, RiskRule rule, bool clamped, long observed, long limit)
        => envelope.Gate?.RecordOrder(ref breaches, new RiskBreach
        {
            Rule = rule,
            State = envelope.State,
            Side = intent.Side,
            Clamped = clamped,
            Symbol = envelope.Symbol,
            Quantity = intent.Quantity.Raw,
            Observed = observed,
            Limit = limit,
        });
}
