using System.CommandLine;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Cli.Commands;

/// <summary>
/// The risk limits beyond max-position, price-band-pct and kill-switch, shared by <c>backtest</c>, <c>replay</c> and
/// <c>demo</c>. Every one is off unless given; a given value is parsed exactly and validated with the rest.
/// </summary>
internal sealed class RiskSettings
{
    private readonly Option<string> _maxPositionNotional = new("--max-position-notional") { Description = "risk: largest |position| × last trade per symbol (money; off by default)" };
    private readonly Option<string> _maxOrderNotional = new("--max-order-notional") { Description = "risk: largest notional of one order; larger orders are clamped (money)" };
    private readonly Option<string> _maxGross = new("--max-gross-exposure") { Description = "risk: largest gross exposure Σ|position × mark| (money); a breach enters --gross-exposure-action" };
    private readonly Option<string> _maxNet = new("--max-net-exposure") { Description = "risk: largest |Σ position × mark| (money); a breach enters --net-exposure-action" };
    private readonly Option<string> _portfolioRisk = new("--max-portfolio-risk-pct") { Description = "risk: largest gross exposure in percent of equity; a breach enters --portfolio-risk-action" };
    private readonly Option<string> _positionRisk = new("--max-position-risk-pct") { Description = "risk: largest |position| × last trade per symbol in percent of equity" };
    private readonly Option<string> _dailyLoss = new("--daily-loss-limit") { Description = "risk: loss from the day's first equity (New York date) that enters --daily-loss-action (money)" };
    private readonly Option<string> _drawdown = new("--max-drawdown-pct") { Description = "risk: drawdown from the equity high-water mark, in percent, that enters --drawdown-action" };
    private readonly Option<string> _orderRate = new("--order-rate") { Description = "risk: orders per second of event time, all symbols (token bucket of --order-burst)" };
    private readonly Option<int> _orderBurst = new("--order-burst") { Description = "risk: orders the global bucket holds (default 1)", DefaultValueFactory = _ => 1 };
    private readonly Option<string> _symbolOrderRate = new("--symbol-order-rate") { Description = "risk: orders per second of event time, per symbol (token bucket of --symbol-order-burst)" };
    private readonly Option<int> _symbolOrderBurst = new("--symbol-order-burst") { Description = "risk: orders each symbol's bucket holds (default 1)", DefaultValueFactory = _ => 1 };
    private readonly Option<string> _midBand = new("--mid-band-pct") { Description = "risk: largest distance of an order price from the last quote's midpoint, in percent" };
    private readonly Option<string> _staleAfter = new("--stale-after") { Description = "risk: no orders on a symbol whose last trade is older than this in event time, e.g. 30s, 5m" };
    private readonly Option<bool> _crossed = new("--crossed-quote-guard") { Description = "risk: no orders on a symbol while its last quote is crossed or locked (bid >= ask)" };
    private readonly Option<string> _dailyLossAction = new("--daily-loss-action") { Description = "risk: state a daily-loss breach enters: reducing or halted (default halted)" };
    private readonly Option<string> _drawdownAction = new("--drawdown-action") { Description = "risk: state a drawdown breach enters: reducing or halted (default halted)" };
    private readonly Option<string> _grossAction = new("--gross-exposure-action") { Description = "risk: state a gross-exposure breach enters: reducing or halted (default reducing)" };
    private readonly Option<string> _netAction = new("--net-exposure-action") { Description = "risk: state a net-exposure breach enters: reducing or halted (default reducing)" };
    private readonly Option<string> _portfolioRiskAction = new("--portfolio-risk-action") { Description = "risk: state a portfolio-risk-% breach enters: reducing or halted (default reducing)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
        {
            _maxPositionNotional, _maxOrderNotional, _maxGross, _maxNet, _portfolioRisk, _positionRisk, _dailyLoss, _drawdown,
            _orderRate, _orderBurst, _symbolOrderRate, _symbolOrderBurst, _midBand, _staleAfter, _crossed,
            _dailyLossAction, _drawdownAction, _grossAction, _netAction, _portfolioRiskAction,
        })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options with every limit given on the command line (or config file); adds the given ones to <paramref name="parameters"/>.</summary>
    public RiskOptions Apply(ParseResult parse, RiskOptions options, List<KeyValuePair<string, string>> parameters)
    {
        var result = options with
        {
            MaxPositionNotional = Money(parse, _maxPositionNotional),
            MaxOrderNotional = Money(parse, _maxOrderNotional),
            MaxGrossExposure = Money(parse, _maxGross),
            MaxNetExposure = Money(parse, _maxNet),
            MaxPortfolioRiskPercent = Decimal(parse, _portfolioRisk),
            MaxPositionRiskPercent = Decimal(parse, _positionRisk),
            DailyLossLimit = Money(parse, _dailyLoss),
            MaxDrawdownPercent = Decimal(parse, _drawdown),
            OrderRate = Decimal(parse, _orderRate),
            OrderBurst = parse.GetValue(_orderBurst),
            SymbolOrderRate = Decimal(parse, _symbolOrderRate),
            SymbolOrderBurst = parse.GetValue(_symbolOrderBurst),
            MidBandPercent = Decimal(parse, _midBand),
            StaleAfter = parse.GetValue(_staleAfter) is { } stale ? CliValues.Duration(_staleAfter.Name, stale) : TimeSpan.Zero,
            CrossedQuoteGuard = parse.GetValue(_crossed),
            DailyLossAction = Action(parse, _dailyLossAction, TradingState.Halted),
            DrawdownAction = Action(parse, _drawdownAction, TradingState.Halted),
            GrossExposureAction = Action(parse, _grossAction, TradingState.Reducing),
            NetExposureAction = Action(parse, _netAction, TradingState.Reducing),
            PortfolioRiskAction = Action(parse, _portfolioRiskAction, TradingState.Reducing),
        };

        if ((result.OrderBurst != 1 || parse.GetResult(_orderBurst) is { Implicit: false }) && result.OrderRate == 0)
        {
            throw new UsageException("--order-burst applies with --order-rate");
        }

        if ((result.SymbolOrderBurst != 1 || parse.GetResult(_symbolOrderBurst) is { Implicit: false }) && result.SymbolOrderRate == 0)
        {
            throw new UsageException("--symbol-order-burst applies with --symbol-order-rate");
        }

        foreach (var option in new Option[]
        {
            _maxPositionNotional, _maxOrderNotional, _maxGross, _maxNet, _portfolioRisk, _positionRisk, _dailyLoss, _drawdown,
            _orderRate, _orderBurst, _symbolOrderRate, _symbolOrderBurst, _midBand, _staleAfter, _crossed,
            _dailyLossAction, _drawdownAction, _grossAction, _netAction, _portfolioRiskAction,
        })
        {
            if (parse.GetResult(option) is { Implicit: false } given)
            {
                parameters.Add(new(option.Name.TrimStart('-').Replace('-', '_'), given.Tokens.Count == 0 ? "true" : given.Tokens[0].Value));
            }
        }

        return result;
    }

    private static Money Money(ParseResult parse, Option<string> option)
        => parse.GetValue(option) is { } text ? new Money(CliValues.NonNegativeDecimal(option.Name, text)) : default;

    private static long Decimal(ParseResult parse, Option<string> option)
        => parse.GetValue(option) is { } text ? CliValues.NonNegativeDecimal(option.Name, text) : 0;

    private static TradingState Action(ParseResult parse, Option<string> option, TradingState fallback) => parse.GetValue(option) switch
    {
        null => fallback,
        "reducing" => TradingState.Reducing,
        "halted" => TradingState.Halted,
        var other => throw new UsageException($"{option.Name} '{other}' is not reducing or halted"),
    };
}
