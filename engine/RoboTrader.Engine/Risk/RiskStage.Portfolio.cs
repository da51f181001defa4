using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Risk;

/// <summary>The portfolio limits: figures as of the event, breaches and state changes, and the position caps they imply.</summary>
public sealed partial class RiskStage
{
    private PortfolioLimits _limits;
    private Int128 _dayStartEquity;
    private long _dayEndNanos = long.MinValue;
    private Int128 _highWater;
    private long _highWaterSet;
    private uint _portfolioLatched;

    /// <summary>Equity, gross and net exposure as of this event: the portfolio's, with the event's symbol re-marked at its last trade.</summary>
    private PortfolioFigures Measure(SymbolId symbol)
    {
        var position = _portfolio.PositionOf(symbol).Raw;
        var mark = _portfolio.MarkOf(symbol).Raw;
        var reference = _lastTrade[symbol.Value];
        var old = FixedPoint.Multiply(position, mark);
        var own = reference == 0 ? old : FixedPoint.Multiply(position, reference);
        return new PortfolioFigures
        {
            Equity = _portfolio.Equity.Raw - old + own,
            Gross = _portfolio.GrossExposure.Raw - Int128.Abs(old) + Int128.Abs(own),
            Net = _portfolio.NetExposure.Raw - old + own,
            Own = own,
        };
    }

    /// <summary>Evaluates the portfolio rules on this event; a rule whose condition starts to hold records a breach and moves the state up.</summary>
    private void CheckPortfolio(ref RiskBreaches breaches, SymbolId symbol, long timeNanos, in PortfolioFigures f)
    {
        ref readonly var l = ref _limits;
        if (l.DailyLossLimit != 0)
        {
            if (timeNanos >= _dayEndNanos)
            {
                // Rare path (once per exchange day): a new day starts from this event's equity.
                _dayEndNanos = ExchangeDay.EndOfDayNanos(timeNanos);
                _dayStartEquity = f.Equity;
                _portfolioLatched &= ~(1u << (int)RiskRule.DailyLossLimit);
            }

            var loss = _dayStartEquity - f.Equity;
            Trip(ref breaches, symbol, RiskRule.DailyLossLimit, loss >= l.DailyLossLimit, loss, l.DailyLossLimit, _options.DailyLossAction);
        }

        if (l.MaxDrawdownPercent != 0)
        {
            if (_highWaterSet == 0 || f.Equity > _highWater)
            {
                _highWater = f.Equity;
                _highWaterSet = 1;
            }

            var drop = _highWater - f.Equity;
            var breached = _highWater > 0 && drop * 100 * FixedPoint.Scale >= (Int128)l.MaxDrawdownPercent * _highWater;
            Trip(ref breaches, symbol, RiskRule.MaxDrawdownPercent, breached, breached ? RiskMath.PercentFixed(drop, _highWater) : 0, l.MaxDrawdownPercent, _options.DrawdownAction);
        }

        if (l.MaxGrossExposure != 0)
        {
            Trip(ref breaches, symbol, RiskRule.MaxGrossExposure, f.Gross > l.MaxGrossExposure, f.Gross, l.MaxGrossExposure, _options.GrossExposureAction);
        }

        if (l.MaxNetExposure != 0)
        {
            var net = Int128.Abs(f.Net);
            Trip(ref breaches, symbol, RiskRule.MaxNetExposure, net > l.MaxNetExposure, net, l.MaxNetExposure, _options.NetExposureAction);
        }

        if (l.MaxPortfolioRiskPercent != 0)
        {
            var breached = f.Equity <= 0 ? f.Gross > 0 : f.Gross * 100 * FixedPoint.Scale > (Int128)l.MaxPortfolioRiskPercent * f.Equity;
            Trip(ref breaches, symbol, RiskRule.MaxPortfolioRiskPercent, breached, breached ? RiskMath.PercentFixed(f.Gross, f.Equity) : 0, l.MaxPortfolioRiskPercent, _options.PortfolioRiskAction);
        }
    }

    private void Trip(ref RiskBreaches breaches, SymbolId symbol, RiskRule rule, bool breached, Int128 observed, Int128 limit, TradingState action)
    {
        var bit = 1u << (int)rule;
        if (!breached)
        {
            _portfolioLatched &= ~bit;
            return;
        }

        if ((_portfolioLatched & bit) != 0)
        {
            return;
        }

        _portfolioLatched |= bit;
        if (action > _state)
        {
            _state = action;
        }

        _gate.RecordPortfolio(ref breaches, new RiskBreach
        {
            Rule = rule,
            State = State,
            Symbol = symbol,
            Observed = RiskBreach.Saturate(observed),
            Limit = RiskBreach.Saturate(limit),
        });
    }

    /// <summary>Tightens the long and short position caps (raw quantities) by the notional, risk-% and exposure limits at <paramref name="reference"/>.</summary>
    private void Caps(int symbol, long reference, in PortfolioFigures f, ref long longCap, ref RiskRule longRule, ref long shortCap, ref RiskRule shortRule)
    {
        if (_maxPositionNotional[symbol] != 0)
        {
            Tighten(RiskMath.QuantityFor(_maxPositionNotional[symbol], reference), RiskRule.MaxPositionNotional, ref longCap, ref longRule, ref shortCap, ref shortRule);
        }

        ref readonly var l = ref _limits;
        if (!l.Any)
        {
            return;
        }

        if (l.MaxPositionRiskPercent != 0)
        {
            Tighten(RiskMath.QuantityFor(RiskMath.PercentOf(f.Equity, l.MaxPositionRiskPercent), reference), RiskRule.MaxPositionRiskPercent, ref longCap, ref longRule, ref shortCap, ref shortRule);
        }

        var otherGross = f.Gross - Int128.Abs(f.Own);
        if (l.MaxGrossExposure != 0)
        {
            Tighten(RiskMath.QuantityFor(l.MaxGrossExposure - otherGross, reference), RiskRule.MaxGrossExposure, ref longCap, ref longRule, ref shortCap, ref shortRule);
        }

        if (l.MaxPortfolioRiskPercent != 0)
        {
            Tighten(RiskMath.QuantityFor(RiskMath.PercentOf(f.Equity, l.MaxPortfolioRiskPercent) - otherGross, reference), RiskRule.MaxPortfolioRiskPercent, ref longCap, ref longRule, ref shortCap, ref shortRule);
        }

        if (l.MaxNetExposure != 0)
        {
            var otherNet = f.Net - f.Own;
            var longNet = RiskMath.QuantityFor(l.MaxNetExposure - otherNet, reference);
            var shortNet = RiskMath.QuantityFor(l.MaxNetExposure + otherNet, reference);
            var ignored = RiskRule.None;
            var none = long.MaxValue;
            Tighten(longNet, RiskRule.MaxNetExposure, ref longCap, ref longRule, ref none, ref ignored);
            none = long.MaxValue;
            Tighten(shortNet, RiskRule.MaxNetExposure, ref none, ref ignored, ref shortCap, ref shortRule);
        }
    }

    private static void Tighten(long cap, RiskRule rule, ref long longCap, ref RiskRule longRule, ref long shortCap, ref RiskRule shortRule)
    {
        if (cap < longCap)
        {
            longCap = cap;
            longRule = rule;
        }

        if (cap < shortCap)
        {
            shortCap = cap;
            shortRule = rule;
        }
    }
}
