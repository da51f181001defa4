using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Numerics;

namespace RoboTrader.Engine.Execution;

/// <summary>Options of the simulated exchange.</summary>
/// <param name="FeeBps">Fee per fill in basis points of its notional: fee = qty × price × bps / 10000.</param>
public sealed record ExecutionOptions(BasisPoints FeeBps)
{
    /// <summary>Throws an <see cref="EngineException"/> naming the option when a value is invalid.</summary>
    public void Validate()
    {
        if (FeeBps.Raw < 0)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--fee-bps must not be negative (got {FeeBps})");
        }
    }
}
