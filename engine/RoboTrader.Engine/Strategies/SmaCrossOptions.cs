using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Strategies;

/// <summary>Parameters of <see cref="SmaCrossStrategy"/>.</summary>
/// <param name="Fast">Length of the fast moving average, in trade prints.</param>
/// <param name="Slow">Length of the slow moving average, in trade prints.</param>
/// <param name="Quantity">The absolute target position when a signal is up or down.</param>
public sealed record SmaCrossOptions(int Fast, int Slow, Quantity Quantity)
{
    /// <summary>Throws an <see cref="EngineException"/> naming the option when a value is invalid.</summary>
    public void Validate()
    {
        if (Fast < 1)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--fast must be at least 1 (got {Fast})");
        }

        if (Slow < 1)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--slow must be at least 1 (got {Slow})");
        }

        if (Quantity.Raw <= 0)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--qty must be positive (got {Quantity})");
        }
    }
}
