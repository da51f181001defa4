using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Risk;

/// <summary>Checkpointing: every piece of the stage's state, the gate's and the kill switch's reason.</summary>
public sealed partial class RiskStage
{
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
        CheckpointState.WriteSpan<long>(ref writer, _lastTradeNanos);
        CheckpointState.WriteSpan<long>(ref writer, _bid);
        CheckpointState.WriteSpan<long>(ref writer, _ask);
        CheckpointState.WriteSpan<Int128>(ref writer, _maxPositionNotional);
        writer.WriteInt64((long)_state);
        CheckpointState.WriteValue(ref writer, in _limits);
        CheckpointState.WriteValue(ref writer, in _dayStartEquity);
        writer.WriteInt64(_dayEndNanos);
        CheckpointState.WriteValue(ref writer, in _highWater);
        writer.WriteInt64(_highWaterSet);
        writer.WriteInt64(_portfolioLatched);
        _gate.WriteState(ref writer);
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

        CheckpointState.ReadSpan<long>(ref reader, _lastTradeNanos);
        CheckpointState.ReadSpan<long>(ref reader, _bid);
        CheckpointState.ReadSpan<long>(ref reader, _ask);
        CheckpointState.ReadSpan<Int128>(ref reader, _maxPositionNotional);
        var state = CheckpointState.ReadInt64(ref reader);
        if (state is < 0 or > (long)TradingState.Halted)
        {
            throw new EngineException(ErrorCode.PersistenceCorrupt, "checkpoint state of risk is malformed: an unknown trading state");
        }

        _state = (TradingState)state;
        _limits = CheckpointState.ReadValue<PortfolioLimits>(ref reader);
        _dayStartEquity = CheckpointState.ReadValue<Int128>(ref reader);
        _dayEndNanos = CheckpointState.ReadInt64(ref reader);
        _highWater = CheckpointState.ReadValue<Int128>(ref reader);
        _highWaterSet = CheckpointState.ReadInt64(ref reader);
        _portfolioLatched = (uint)CheckpointState.ReadInt64(ref reader);
        _gate.ReadState(ref reader);
    }
}
