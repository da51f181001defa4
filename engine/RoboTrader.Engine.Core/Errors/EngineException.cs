namespace RoboTrader.Engine.Core.Errors;

/// <summary>
/// An <see cref="EngineError"/> raised off the hot path (start-up, configuration, I/O set-up), with a message for a
/// person. Never thrown per event.
/// </summary>
public sealed class EngineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EngineException(ErrorCode code, string message, Exception? inner = null)
        : base(message, inner) => Error = EngineError.For(code);

    /// <summary>The error.</summary>
    public EngineError Error { get; }
}
