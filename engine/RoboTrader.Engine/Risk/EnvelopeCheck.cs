using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// The pre-trade check of an intent against its envelope: refused when halted, without a reference price or outside
/// the price band; clamped to what the position limit still allows (refused when that is nothing).
/// </summary>
public static class EnvelopeCheck
{
    /// <summary>Applies the envelope; returns <see cref="ErrorCode.None"/> when the intent passes unchanged. A refused intent is cleared.</summary>
    public static ErrorCode Apply(ref OrderIntent intent, in RiskEnvelope envelope)
    {
        if (!intent.IsPresent)
        {
            return ErrorCode.None;
        }

        if (envelope.Halted)
        {
            intent = default;
            return ErrorCode.RiskKillSwitch;
        }

        if (envelope.Reference.IsZero)
        {
            intent = default;
            return ErrorCode.RiskNoReferencePrice;
        }

        var price = intent.Type == OrderType.Limit ? intent.LimitPrice : intent.ReferencePrice;
        if (price < envelope.BandLow || price > envelope.BandHigh)
        {
            intent = default;
            return ErrorCode.RiskPriceBand;
        }

        var capacity = intent.Side == Side.Buy ? envelope.MaxBuy : envelope.MaxSell;
        if (intent.Quantity <= capacity)
        {
            return ErrorCode.None;
        }

        if (capacity.Raw <= 0)
        {
            intent = default;
        }
        else
        {
            intent.Quantity = capacity;
        }

        return ErrorCode.RiskMaxPosition;
    }
}
