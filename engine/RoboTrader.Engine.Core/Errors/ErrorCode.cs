namespace RoboTrader.Engine.Core.Errors;

/// <summary>
/// Stable error codes. The numbers are part of the engine's contract (they appear in ledgers, dead letters and
/// logs): never renumber, only add. The hundreds digit follows <see cref="ErrorCategory"/>.
/// </summary>
public enum ErrorCode : ushort
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>A recorded market-data file is damaged, truncated or unreadable.</summary>
    MarketDataUnreadable = 101,

    /// <summary>A frame has the wrong number of fields.</summary>
    ParseFieldCount = 201,

    /// <summary>A field is not a valid number.</summary>
    ParseBadNumber = 202,

    /// <summary>A frame's source id is not registered.</summary>
    ParseUnknownSource = 203,

    /// <summary>A frame is empty or larger than the slot allows.</summary>
    ParseBadFrame = 204,

    /// <summary>A numeric field is out of its allowed range (negative price, time past midnight).</summary>
    ParseOutOfRange = 205,

    /// <summary>A frame names a symbol its source did not declare (or the source declares no symbol table).</summary>
    ParseUnknownSymbol = 206,

    /// <summary>A frame is not well-formed for its format (bad JSON, no object, unbalanced quotes).</summary>
    ParseBadSyntax = 207,

    /// <summary>A required field is missing.</summary>
    ParseMissingField = 208,

    /// <summary>The frame's message or event type is not one the format's parser handles.</summary>
    ParseUnknownType = 209,

    /// <summary>The frame is an operator command, and commands are accepted only at the strict level.</summary>
    ParseCommandNotStrict = 210,

    /// <summary>The format has no parser at this level.</summary>
    ParseLevelUnsupported = 211,

    /// <summary>A field or key that the exact schema does not allow (strict level).</summary>
    ParseUnexpectedField = 212,

    /// <summary>A parser level threw (a bug): the stage recorded it as that level's failure and went on.</summary>
    ParseInternalError = 213,

    /// <summary>An order would take the position past the per-symbol limit; the order was clamped or refused.</summary>
    RiskMaxPosition = 301,

    /// <summary>An order's price is outside the band around the last trade.</summary>
    RiskPriceBand = 302,

    /// <summary>The kill switch is engaged: no orders.</summary>
    RiskKillSwitch = 303,

    /// <summary>No reference price yet for the symbol: an order cannot be checked.</summary>
    RiskNoReferencePrice = 304,

    /// <summary>An order's notional is over the per-order limit; the order was clamped or refused.</summary>
    RiskOrderNotional = 305,

    /// <summary>An order would take a notional, exposure or risk-percent limit past its value; clamped or refused.</summary>
    RiskExposure = 306,

    /// <summary>The order-rate throttle has no token for the order (per symbol or global).</summary>
    RiskThrottle = 307,

    /// <summary>The symbol's reference price is older than the stale-data limit: no orders on it.</summary>
    RiskStaleData = 308,

    /// <summary>The symbol's last quote is crossed or locked (bid at or above ask): no orders on it.</summary>
    RiskCrossedQuote = 309,

    /// <summary>Trading is REDUCING: only orders that reduce the position are allowed.</summary>
    RiskReduceOnly = 310,

    /// <summary>An order was cancelled at the end of the data.</summary>
    ExecutionCancelledAtEnd = 401,

    /// <summary>The simulated venue rejected an order: a quantity or price missing or out of range, bracket prices on the wrong side, a bad OCO link.</summary>
    ExecutionOrderInvalid = 402,

    /// <summary>A cancel or replace named an order that is not working (unknown, another symbol or side, or already done).</summary>
    ExecutionUnknownOrder = 403,

    /// <summary>A DAY order expired at its session's close.</summary>
    ExecutionDayExpired = 404,

    /// <summary>What an IOC order could not fill on arrival expired.</summary>
    ExecutionIocRemainder = 405,

    /// <summary>A FOK order could not fill in full on arrival and expired unfilled.</summary>
    ExecutionFokUnfilled = 406,

    /// <summary>An OCO leg was cancelled because its sibling's fills left it nothing open.</summary>
    ExecutionOcoCancelled = 407,

    /// <summary>An order was cancelled in favour of its replacement.</summary>
    ExecutionReplaced = 408,

    /// <summary>An order was cancelled on request.</summary>
    ExecutionCancelRequested = 409,

    /// <summary>A working order's quantity changed: a bracket exit grew with its entry's fill, or an OCO leg shrank with its sibling's.</summary>
    ExecutionAmended = 410,

    /// <summary>Writing an output failed.</summary>
    PersistenceWriteFailed = 501,

    /// <summary>
    /// Stored data was written with different settings (page, segment or index size) than it is being opened with;
    /// reading it would silently return wrong values.
    /// </summary>
    PersistenceSettingsMismatch = 502,

    /// <summary>Stored data (a journal, a checkpoint, a manifest) is present but cannot be read: never an empty start.</summary>
    PersistenceCorrupt = 503,

    /// <summary>A checkpoint that was asked for does not exist.</summary>
    PersistenceCheckpointMissing = 504,

    /// <summary>A checkpoint could not be started or completed.</summary>
    PersistenceCheckpointFailed = 505,

    /// <summary>A configuration value is missing or invalid.</summary>
    ConfigurationInvalid = 601,

    /// <summary>A stage threw; the event was skipped under the stage's policy.</summary>
    SystemStageFault = 701,

    /// <summary>A stage threw and its policy halted trading.</summary>
    SystemTradingHalted = 702,
}
