using System.Runtime.InteropServices;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// An order-rate token bucket in event time, exact in integers: one token is <see cref="Token"/> units, and each
/// nanosecond of event time adds the rate's raw fixed-point value (orders per second × 10^8) in units. It starts
/// full; time that goes backwards adds nothing.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct TokenBucket
{
    /// <summary>Units per token: 10^9 ns per second × 10^8 fixed-point scale.</summary>
    public static readonly Int128 Token = (Int128)1_000_000_000 * 100_000_000;

    /// <summary>Units in the bucket.</summary>
    public Int128 Level;

    /// <summary>Event time of the last refill.</summary>
    public long LastNanos;

    /// <summary>1 once the bucket has been filled (first use).</summary>
    public long Started;

    /// <summary>Refills to <paramref name="nowNanos"/> at <paramref name="rate"/> up to <paramref name="burst"/> tokens.</summary>
    public void Refill(long nowNanos, long rate, int burst)
    {
        var capacity = Token * burst;
        if (Started == 0)
        {
            Started = 1;
            Level = capacity;
            LastNanos = nowNanos;
            return;
        }

        if (nowNanos > LastNanos)
        {
            var level = Level + ((Int128)(nowNanos - LastNanos) * rate);
            Level = level > capacity ? capacity : level;
            LastNanos = nowNanos;
        }
    }

    /// <summary>True when a whole token is in the bucket.</summary>
    public readonly bool HasToken => Level >= Token;

    /// <summary>Tokens in the bucket, fixed point (10^-8).</summary>
    public readonly long TokensFixed => (long)(Level / 1_000_000_000);

    /// <summary>Takes one token (the caller checked <see cref="HasToken"/>).</summary>
    public void Take() => Level -= Token;
}
