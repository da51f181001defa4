using System.Globalization;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Execution;

/// <summary>Options of the simulated exchange and the portfolio.</summary>
/// <param name="FeeBps">Fee per fill in basis points of its notional: fee = qty × price × bps / 10000.</param>
public sealed record ExecutionOptions(BasisPoints FeeBps)
{
    /// <summary>The fill model (<c>--fill-model</c>; next-tick unless set).</summary>
    public FillModel FillModel { get; init; } = FillModel.NextTick;

    /// <summary>An order can trade only from its submission's event time + this many milliseconds (<c>--latency-ms</c>).</summary>
    public long LatencyMilliseconds { get; init; }

    /// <summary>Slippage against the order in basis points of the fill price (<c>--slippage-bps</c>).</summary>
    public BasisPoints SlippageBps { get; init; }

    /// <summary>Slippage against the order in ticks of <see cref="TickSize"/> (<c>--slippage-ticks</c>).</summary>
    public long SlippageTicks { get; init; }

    /// <summary>The tick size for <see cref="SlippageTicks"/> (<c>--tick-size</c>, default 0.01).</summary>
    public Price TickSize { get; init; } = new(FixedPoint.Scale / 100);

    /// <summary>Fee per share (unit) filled, added to the bps fee (<c>--fee-per-share</c>).</summary>
    public Price FeePerShare { get; init; }

    /// <summary>The smallest fee of one fill (<c>--fee-min</c>).</summary>
    public Money FeeMinimum { get; init; }

    /// <summary>Cash at the start (<c>--initial-cash</c>, default 1,000,000).</summary>
    public Money InitialCash { get; init; } = new((Int128)1_000_000 * FixedPoint.Scale);

    /// <summary>The equity curve's sampling interval in event time (<c>--equity-interval</c>, default 1 minute).</summary>
    public TimeSpan EquityInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The session close, local time of <see cref="ExchangeTimeZone"/>: DAY orders expire there (<c>--market-close</c>, default 16:00).</summary>
    public TimeOnly MarketClose { get; init; } = new(16, 0);

    /// <summary>The exchange's IANA time zone (America/New_York).</summary>
    public string ExchangeTimeZone { get; init; } = "America/New_York";

    /// <summary>Latency in nanoseconds.</summary>
    public long LatencyNanos => LatencyMilliseconds * 1_000_000;

    /// <summary>Throws an <see cref="EngineException"/> naming the option when a value is invalid.</summary>
    public void Validate()
    {
        if (FeeBps.Raw < 0)
        {
            throw Invalid($"--fee-bps must not be negative (got {FeeBps})");
        }

        if (!Enum.IsDefined(FillModel))
        {
            throw Invalid($"--fill-model {(int)FillModel} is not next-tick, quote or bar");
        }

        if (LatencyMilliseconds is < 0 or > 86_400_000)
        {
            throw Invalid($"--latency-ms must be between 0 and 86400000 (got {LatencyMilliseconds})");
        }

        if (SlippageBps.Raw < 0)
        {
            throw Invalid($"--slippage-bps must not be negative (got {SlippageBps})");
        }

        if (SlippageTicks < 0)
        {
            throw Invalid($"--slippage-ticks must not be negative (got {SlippageTicks})");
        }

        if (SlippageTicks > 0 && SlippageBps.Raw > 0)
        {
            throw Invalid("--slippage-bps and --slippage-ticks cannot both be set");
        }

        if (TickSize.Raw <= 0)
        {
            throw Invalid($"--tick-size must be positive (got {TickSize})");
        }

        if (SlippageTicks > long.MaxValue / TickSize.Raw)
        {
            throw Invalid($"--slippage-ticks {SlippageTicks} × --tick-size {TickSize} is too large");
        }

        if (FeePerShare.Raw < 0)
        {
            throw Invalid($"--fee-per-share must not be negative (got {FeePerShare})");
        }

        if (FeeMinimum.Raw < 0)
        {
            throw Invalid($"--fee-min must not be negative (got {FeeMinimum})");
        }

        if (InitialCash.Raw < 0)
        {
            throw Invalid($"--initial-cash must not be negative (got {InitialCash})");
        }

        if (EquityInterval <= TimeSpan.Zero)
        {
            throw Invalid($"--equity-interval must be positive (got {EquityInterval})");
        }

        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(ExchangeTimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw Invalid($"exchange time zone '{ExchangeTimeZone}' is not known on this machine");
        }
    }

    /// <summary>Every option, invariant text (part of a run's settings: a resume with other options is refused).</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"ExecutionOptions {{ FeeBps = {FeeBps}, FillModel = {FillModel}, LatencyMs = {LatencyMilliseconds}, SlippageBps = {SlippageBps}, SlippageTicks = {SlippageTicks}, TickSize = {TickSize}, FeePerShare = {FeePerShare}, FeeMin = {FeeMinimum}, InitialCash = {InitialCash}, EquityInterval = {EquityInterval.Ticks}, MarketClose = {MarketClose:HH\\:mm\\:ss}, Zone = {ExchangeTimeZone} }}");

    private static EngineException Invalid(string message) => new(ErrorCode.ConfigurationInvalid, message);
}
