using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Strategies;

/// <summary>How task-input signals are used by decide.</summary>
/// <param name="Gate">Gate the strategy's target by the latest fresh signal (see <see cref="SignalGatedStrategy"/>).</param>
/// <param name="Window">How long (event time) a signal stays fresh after its own time.</param>
public sealed record SignalOptions(bool Gate, TimeSpan Window)
{
    /// <summary>No gate; a 30-minute window.</summary>
    public static SignalOptions Default { get; } = new(false, TimeSpan.FromMinutes(30));

    /// <summary>Throws an <see cref="EngineException"/> naming the option when a value is invalid.</summary>
    public void Validate()
    {
        if (Window <= TimeSpan.Zero)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--signal-window must be positive (got {Window})");
        }
    }
}
