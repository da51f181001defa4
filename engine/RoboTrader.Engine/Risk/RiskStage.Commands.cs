using System.Globalization;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Tasks;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Risk;

/// <summary>Operator commands: halt, reduce, resume and set_limit.</summary>
public sealed partial class RiskStage
{
    /// <summary>Applies one operator command; rare, so it may allocate (the kill-switch reason).</summary>
    private void Apply(in Command command, long sequence)
    {
        switch (command.Kind)
        {
            case CommandKind.Halt:
                _killSwitch.Engage(string.Create(CultureInfo.InvariantCulture, $"operator command halt (seq {sequence})"));
                _state = TradingState.Halted;
                CommandsApplied++;
                return;
            case CommandKind.Resume:
                _killSwitch.Release();
                _state = TradingState.Active;
                CommandsApplied++;
                return;
            case CommandKind.Reduce:
                _killSwitch.Release();
                _state = TradingState.Reducing;
                CommandsApplied++;
                return;
            case CommandKind.SetLimit when TrySetLimit(in command):
                CommandsApplied++;
                return;
            default:
                CommandsRefused++;
                return;
        }
    }

    /// <summary>
    /// Sets a limit: max_position (&gt; 0) and price_band_percent (a whole 1..100) and max_position_notional (≥ 0) for one
    /// symbol or all; the portfolio-wide ones (max_order_notional, max_gross_exposure, max_net_exposure,
    /// daily_loss_limit ≥ 0, max_drawdown_percent in [0, 100)) only without a symbol. Zero turns a money or percent limit off.
    /// </summary>
    private bool TrySetLimit(in Command command)
    {
        var all = command.Symbol == SymbolId.None;
        if (!all && (uint)command.Symbol.Value >= (uint)_maxPosition.Length)
        {
            return false;
        }

        var value = command.Value;
        switch (command.Limit)
        {
            case CommandLimit.MaxPosition when value > 0:
                Set(_maxPosition, command.Symbol, value);
                return true;
            case CommandLimit.PriceBandPercent when value % FixedPoint.Scale == 0 && value / FixedPoint.Scale is >= 1 and <= 100:
                Set(_bandPercent, command.Symbol, value / FixedPoint.Scale);
                return true;
            case CommandLimit.MaxPositionNotional when value >= 0:
                Set(_maxPositionNotional, command.Symbol, value);
                return true;
            case CommandLimit.MaxOrderNotional when all && value >= 0:
                _limits.MaxOrderNotional = value;
                return true;
            case CommandLimit.MaxGrossExposure when all && value >= 0:
                _limits.MaxGrossExposure = value;
                return true;
            case CommandLimit.MaxNetExposure when all && value >= 0:
                _limits.MaxNetExposure = value;
                return true;
            case CommandLimit.DailyLossLimit when all && value >= 0:
                _limits.DailyLossLimit = value;
                return true;
            case CommandLimit.MaxDrawdownPercent when all && value >= 0 && value < 100 * FixedPoint.Scale:
                _limits.MaxDrawdownPercent = value;
                return true;
            default:
                return false;
        }
    }

    private static void Set<T>(T[] target, SymbolId symbol, T value)
    {
        if (symbol == SymbolId.None)
        {
            Array.Fill(target, value);
        }
        else
        {
            target[symbol.Value] = value;
        }
    }
}
