using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Tasks;
using RoboTrader.Engine.Execution;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// Keeps the last trade price per symbol and writes the event's risk envelope: how much may still be bought or
/// sold under the position limit (working orders included), the price band around the last trade, and whether the
/// kill switch forbids orders. Applies operator commands (strict-level only, by construction of the parser) when
/// their event reaches it: <c>halt</c> engages the kill switch, <c>resume</c> releases it, <c>set_limit</c> changes
/// the position limit or price band in force for one symbol (or all).
/// </summary>
/// <remarks>
/// Runs on the thread that runs execute (it reads the portfolio). Commands are applied on this stage's thread in
/// ring order, so they take effect at the same point of the market stream on every run and every placement.
/// A refused command (a limit of zero, a band outside 1..100 whole percent) changes nothing and is counted.
/// </remarks>
public sealed class RiskStage : IStage, ICheckpointable
{
    private readonly RiskOptions _options;
    private readonly KillSwitch _killSwitch;
    private readonly IPortfolioView _portfolio;
    private readonly long[] _lastTrade;
    private readonly long[] _maxPosition;
    private readonly long[] _bandPercent;

    /// <summary>Creates the stage.</summary>
    public RiskStage(RiskOptions options, KillSwitch killSwitch, IPortfolioView portfolio, int symbolCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(killSwitch);
        ArgumentNullException.ThrowIfNull(portfolio);
        options.Validate();
        _options = options;
        _killSwitch = killSwitch;
        _portfolio = portfolio;
        _lastTrade = new long[symbolCount];
        _maxPosition = new long[symbolCount];
        _bandPercent = new long[symbolCount];
        Array.Fill(_maxPosition, options.MaxPosition.Raw);
        Array.Fill(_bandPercent, options.PriceBandPercent);
        if (options.KillSwitchEngaged)
        {
            killSwitch.Engage("risk.kill-switch set in configuration");
        }
    }

    /// <inheritdoc />
    public StageKind Kind => StageKind.Risk;

    /// <summary>The last non-suspicious trade price of <paramref name="symbol"/> (zero before the first).</summary>
    public Price LastTrade(SymbolId symbol) => new(_lastTrade[symbol.Value]);

    /// <summary>Operator commands applied.</summary>
    public long CommandsApplied { get; private set; }

    /// <summary>Operator commands refused (an invalid limit value).</summary>
    public long CommandsRefused { get; private set; }

    /// <summary>The position limit in force for <paramref name="symbol"/>.</summary>
    public Quantity MaxPositionOf(SymbolId symbol) => new(_maxPosition[symbol.Value]);

    /// <summary>The price band (percent) in force for <paramref name="symbol"/>.</summary>
    public long PriceBandPercentOf(SymbolId symbol) => _bandPercent[symbol.Value];

    /// <inheritdoc />
    public void OnEvent(PipelineSlot slot, long sequence, bool endOfBatch)
    {
        ref var e = ref slot.Market;
        if (e.Kind == MarketEventKind.None)
        {
            slot.Envelope = default;
            slot.Envelope.Halted = true;
            if (slot.Command.IsPresent)
            {
                Apply(in slot.Command, sequence);
            }

            return;
        }

        var symbol = e.Symbol.Value;
        if (e.IsTradePrint && !e.IsSuspicious && !e.IsPartial)
        {
            _lastTrade[symbol] = e.Price.Raw;
        }

        var position = _portfolio.PositionOf(e.Symbol).Raw;
        var maxPosition = _maxPosition[symbol];
        var maxBuy = maxPosition - (position + _portfolio.PendingBuyOf(e.Symbol).Raw);
        var maxSell = maxPosition + (position - _portfolio.PendingSellOf(e.Symbol).Raw);
        var reference = _lastTrade[symbol];
        var band = BandWidth(reference, _bandPercent[symbol]);

        ref var envelope = ref slot.Envelope;
        envelope.Halted = _killSwitch.IsEngaged;
        envelope.MaxBuy = new Quantity(Math.Max(0, maxBuy));
        envelope.MaxSell = new Quantity(Math.Max(0, maxSell));
        envelope.Reference = new Price(reference);
        envelope.BandLow = new Price(reference - band);
        envelope.BandHigh = new Price(reference + band);
    }

    /// <summary>Applies one operator command; rare, so it may allocate (the kill-switch reason).</summary>
    private void Apply(in Command command, long sequence)
    {
        switch (command.Kind)
        {
            case CommandKind.Halt:
                _killSwitch.Engage(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"operator command halt (seq {sequence})"));
                CommandsApplied++;
                return;
            case CommandKind.Resume:
                _killSwitch.Release();
                CommandsApplied++;
                return;
            case CommandKind.SetLimit when IsValidLimit(in command):
                var target = command.Limit == CommandLimit.MaxPosition ? _maxPosition : _bandPercent;
                var value = command.Limit == CommandLimit.MaxPosition ? command.Value : command.Value / FixedPoint.Scale;
                if (command.Symbol == SymbolId.None)
                {
                    Array.Fill(target, value);
                }
                else
                {
                    target[command.Symbol.Value] = value;
                }

                CommandsApplied++;
                return;
            default:
                CommandsRefused++;
                return;
        }
    }

    private bool IsValidLimit(in Command command)
    {
        if (command.Symbol != SymbolId.None && (uint)command.Symbol.Value >= (uint)_maxPosition.Length)
        {
            return false;
        }

        return command.Limit switch
        {
            CommandLimit.MaxPosition => command.Value > 0,
            CommandLimit.PriceBandPercent => command.Value % FixedPoint.Scale == 0 && command.Value / FixedPoint.Scale is >= 1 and <= 100,
            _ => false,
        };
    }

    /// <summary>reference × percent / 100 rounded half up; in 64-bit arithmetic unless the product could overflow.</summary>
    private static long BandWidth(long reference, long percent)
        => reference <= long.MaxValue / 100
            ? ((reference * percent) + 50) / 100
            : (long)FixedPoint.DivideRounded((Int128)reference * percent, 100);

    /// <inheritdoc />
    public void OnStart()
    {
    }

    /// <inheritdoc />
    public void OnShutdown()
    {
    }


    /// <inheritdoc />
    /// <remarks>Includes the kill switch's reason (risk is the stage that engages it from commands and limits).</remarks>
    public void WriteState(ref MessagePackWriter writer)
    {
        CheckpointState.WriteSpan<long>(ref writer, _lastTrade);
        CheckpointState.WriteSpan<long>(ref writer, _maxPosition);
        CheckpointState.WriteSpan<long>(ref writer, _bandPercent);
        writer.WriteInt64(CommandsApplied);
        writer.WriteInt64(CommandsRefused);
        CheckpointState.WriteNullableString(ref writer, _killSwitch.Reason);
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        CheckpointState.ReadSpan<long>(ref reader, _lastTrade);
        CheckpointState.ReadSpan<long>(ref reader, _maxPosition);
        CheckpointState.ReadSpan<long>(ref reader, _bandPercent);
        CommandsApplied = CheckpointState.ReadInt64(ref reader);
        CommandsRefused = CheckpointState.ReadInt64(ref reader);
        if (CheckpointState.ReadNullableString(ref reader) is { } reason)
        {
            _killSwitch.Engage(reason);
        }
        else
        {
            _killSwitch.Release();
        }
    }
}
