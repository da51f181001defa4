using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Checkpoints;
using System.Runtime.CompilerServices;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Tasks;

namespace RoboTrader.Engine.Strategies;

/// <summary>
/// The latest signal per symbol (direction, confidence, event time), kept by the decide stage and read by strategies.
/// A signal is fresh for a market event when its time is not after the event's and at most the window before it.
/// </summary>
/// <remarks>
/// Written and read only on the decide stage's thread, in ring order, so what a strategy sees is a pure function of
/// the input. A signal without a time of its own is stamped with the time of the last market event decide saw (0
/// before any): it takes effect where it sits in the stream. Partial (basic-level) signals count like any other.
/// </remarks>
public sealed class SignalBook : ICheckpointable
{
    private readonly SignalDirection[] _direction;
    private readonly int[] _confidence;
    private readonly long[] _time;
    private long _clock;

    /// <summary>Creates an empty book for <paramref name="symbolCount"/> symbols.</summary>
    public SignalBook(int symbolCount, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _direction = new SignalDirection[symbolCount];
        _confidence = new int[symbolCount];
        _time = new long[symbolCount];
        WindowNanos = window.Ticks * 100;
    }

    /// <summary>How long a signal stays fresh, in nanoseconds of event time.</summary>
    public long WindowNanos { get; }

    /// <summary>Signals recorded.</summary>
    public long Recorded { get; private set; }

    /// <summary>Advances the event-time clock to a market event's time (used to stamp signals without one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnMarketTime(long utcNanos) => _clock = utcNanos;

    /// <summary>Records <paramref name="signal"/> as the latest of its symbol.</summary>
    public void Record(in Signal signal)
    {
        var symbol = signal.Symbol.Value;
        if ((uint)symbol >= (uint)_direction.Length || !signal.IsPresent)
        {
            return;
        }

        _direction[symbol] = signal.Direction;
        _confidence[symbol] = signal.ConfidenceBps;
        _time[symbol] = signal.TimeNanos != 0 ? signal.TimeNanos : _clock;
        Recorded++;
    }

    /// <summary>The latest signal's direction of <paramref name="symbol"/> (<see cref="SignalDirection.None"/> before any).</summary>
    public SignalDirection LatestDirection(SymbolId symbol) => _direction[symbol.Value];

    /// <summary>The latest signal's confidence in basis points.</summary>
    public int LatestConfidenceBps(SymbolId symbol) => _confidence[symbol.Value];

    /// <summary>The latest signal's event time (UTC nanoseconds).</summary>
    public long LatestTime(SymbolId symbol) => _time[symbol.Value];

    /// <summary>
    /// The direction of the latest signal of <paramref name="symbol"/> if it is fresh at <paramref name="marketTimeNanos"/>
    /// (0 ≤ market time − signal time ≤ window), else <see cref="SignalDirection.None"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SignalDirection FreshDirection(SymbolId symbol, long marketTimeNanos)
    {
        var i = symbol.Value;
        var direction = _direction[i];
        if (direction == SignalDirection.None)
        {
            return SignalDirection.None;
        }

        var age = marketTimeNanos - _time[i];
        return age >= 0 && age <= WindowNanos ? direction : SignalDirection.None;
    }


    /// <inheritdoc />
    public void WriteState(ref MessagePackWriter writer)
    {
        CheckpointState.WriteSpan<SignalDirection>(ref writer, _direction);
        CheckpointState.WriteSpan<int>(ref writer, _confidence);
        CheckpointState.WriteSpan<long>(ref writer, _time);
        writer.WriteInt64(_clock);
        writer.WriteInt64(Recorded);
    }

    /// <inheritdoc />
    public void ReadState(ref MessagePackReader reader)
    {
        CheckpointState.ReadSpan<SignalDirection>(ref reader, _direction);
        CheckpointState.ReadSpan<int>(ref reader, _confidence);
        CheckpointState.ReadSpan<long>(ref reader, _time);
        _clock = CheckpointState.ReadInt64(ref reader);
        Recorded = CheckpointState.ReadInt64(ref reader);
    }
}
