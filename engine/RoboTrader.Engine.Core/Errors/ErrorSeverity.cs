namespace RoboTrader.Engine.Core.Errors;

/// <summary>How bad an error is.</summary>
public enum ErrorSeverity : byte
{
    /// <summary>Informational: counted, nothing to do.</summary>
    Info = 0,

    /// <summary>Something was skipped or refused; the engine goes on.</summary>
    Warning = 1,

    /// <summary>An operation failed; the engine goes on under its policy.</summary>
    Error = 2,

    /// <summary>Trading must stop.</summary>
    Critical = 3,
}
