namespace RoboTrader.Engine.Core.Errors;

/// <summary>
/// The one error type of the engine: a stable <see cref="Code"/> with its category, severity, whether retrying can
/// help and after how long. On the hot path an error is this value written onto the event, never an exception.
/// </summary>
public readonly record struct EngineError(
    ErrorCode Code,
    ErrorCategory Category,
    ErrorSeverity Severity,
    bool Recoverable,
    TimeSpan RetryAfter)
{
    /// <summary>No error.</summary>
    public static EngineError None => default;

    /// <summary>True when this is an error.</summary>
    public bool IsError => Code != ErrorCode.None;

    /// <summary>The catalogue entry for <paramref name="code"/>.</summary>
    public static EngineError For(ErrorCode code) => code switch
    {
        ErrorCode.None => None,
        ErrorCode.MarketDataUnreadable => new(code, ErrorCategory.MarketData, ErrorSeverity.Critical, false, TimeSpan.Zero),
        ErrorCode.ParseFieldCount or ErrorCode.ParseBadNumber or ErrorCode.ParseUnknownSource
            or ErrorCode.ParseBadFrame or ErrorCode.ParseOutOfRange or ErrorCode.ParseUnknownSymbol
            or ErrorCode.ParseBadSyntax or ErrorCode.ParseMissingField or ErrorCode.ParseUnknownType
            or ErrorCode.ParseCommandNotStrict or ErrorCode.ParseLevelUnsupported or ErrorCode.ParseUnexpectedField
            => new(code, ErrorCategory.Parse, ErrorSeverity.Warning, false, TimeSpan.Zero),
        ErrorCode.ParseInternalError => new(code, ErrorCategory.Parse, ErrorSeverity.Error, false, TimeSpan.Zero),
        ErrorCode.RiskMaxPosition or ErrorCode.RiskPriceBand or ErrorCode.RiskNoReferencePrice
            or ErrorCode.RiskOrderNotional or ErrorCode.RiskExposure or ErrorCode.RiskThrottle
            or ErrorCode.RiskStaleData or ErrorCode.RiskCrossedQuote or ErrorCode.RiskReduceOnly
            => new(code, ErrorCategory.Risk, ErrorSeverity.Warning, true, TimeSpan.Zero),
        ErrorCode.RiskKillSwitch => new(code, ErrorCategory.Risk, ErrorSeverity.Critical, false, TimeSpan.Zero),
        ErrorCode.ExecutionCancelledAtEnd or ErrorCode.ExecutionDayExpired or ErrorCode.ExecutionIocRemainder
            or ErrorCode.ExecutionFokUnfilled or ErrorCode.ExecutionOcoCancelled or ErrorCode.ExecutionReplaced
            or ErrorCode.ExecutionCancelRequested or ErrorCode.ExecutionAmended
            => new(code, ErrorCategory.Execution, ErrorSeverity.Info, false, TimeSpan.Zero),
        ErrorCode.ExecutionOrderInvalid or ErrorCode.ExecutionUnknownOrder
            => new(code, ErrorCategory.Execution, ErrorSeverity.Warning, false, TimeSpan.Zero),
        ErrorCode.PersistenceWriteFailed => new(code, ErrorCategory.Persistence, ErrorSeverity.Critical, true, TimeSpan.FromSeconds(1)),
        ErrorCode.PersistenceSettingsMismatch or ErrorCode.PersistenceCorrupt or ErrorCode.PersistenceCheckpointMissing
            => new(code, ErrorCategory.Persistence, ErrorSeverity.Critical, false, TimeSpan.Zero),
        ErrorCode.PersistenceCheckpointFailed => new(code, ErrorCategory.Persistence, ErrorSeverity.Error, true, TimeSpan.FromSeconds(1)),
        ErrorCode.ConfigurationInvalid => new(code, ErrorCategory.Configuration, ErrorSeverity.Critical, false, TimeSpan.Zero),
        ErrorCode.SystemStageFault => new(code, ErrorCategory.System, ErrorSeverity.Error, true, TimeSpan.Zero),
        ErrorCode.SystemTradingHalted => new(code, ErrorCategory.System, ErrorSeverity.Critical, false, TimeSpan.Zero),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "unknown error code"),
    };

    /// <summary>Text form: "E301 Risk/Warning RiskMaxPosition".</summary>
    public override string ToString() => $"E{(int)Code} {Category}/{Severity} {Code}";
}
