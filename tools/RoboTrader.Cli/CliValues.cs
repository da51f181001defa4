using System.Globalization;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Cli;

/// <summary>Parses option values strictly, with an error that names the option and the problem.</summary>
public static class CliValues
{
    /// <summary>A date in yyyy-MM-dd.</summary>
    public static DateOnly Date(string option, string? text)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new UsageException($"{option} '{text}' is not a date (expected yyyy-MM-dd)");
        }

        return date;
    }

    /// <summary>A comma-separated list of tickers, upper-cased, at least one.</summary>
    public static IReadOnlyList<string> Symbols(string option, string? text)
    {
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new UsageException($"{option} needs at least one symbol (e.g. bac,ibm)");
        }

        try
        {
            return parts.Select(SymbolTable.NormalizeTicker).Distinct(StringComparer.Ordinal).ToList();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{option}: {ex.Message.Split(" (", 2)[0]}");
        }
    }

    /// <summary>An exact non-negative decimal (fixed point, at most 8 decimals).</summary>
    public static long NonNegativeDecimal(string option, string? text)
    {
        if (!FixedPoint.TryParse(text, out var raw) || raw < 0)
        {
            throw new UsageException($"{option} '{text}' is not a non-negative decimal number with at most 8 decimals");
        }

        return raw;
    }

    /// <summary>An exact positive decimal.</summary>
    public static long PositiveDecimal(string option, string? text)
    {
        var raw = NonNegativeDecimal(option, text);
        if (raw == 0)
        {
            throw new UsageException($"{option} must be greater than 0");
        }

        return raw;
    }

    /// <summary>Checks that <paramref name="from"/> is not after <paramref name="to"/>.</summary>
    public static void DateRange(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new UsageException($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
        }
    }

    /// <summary>A wait strategy name: busy-spin, yielding, sleeping, blocking.</summary>
    public static WaitStrategyKind WaitStrategy(string option, string? text) => text switch
    {
        "busy-spin" => WaitStrategyKind.BusySpin,
        "yielding" => WaitStrategyKind.Yielding,
        "sleeping" => WaitStrategyKind.Sleeping,
        "blocking" => WaitStrategyKind.Blocking,
        _ => throw new UsageException($"{option} '{text}' is not busy-spin, yielding, sleeping or blocking"),
    };

    /// <summary>A stage placement such as 'parse|risk,decide,execute,persist'.</summary>
    public static StagePlacement Placement(string option, string? text)
    {
        try
        {
            return StagePlacement.Parse(text ?? string.Empty);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{option} {ex.Message}");
        }
    }
}
