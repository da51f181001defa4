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

    /// <summary>A positive duration: an integer and a unit s, m, h or d (e.g. 90s, 30m, 2h, 1d).</summary>
    public static TimeSpan Duration(string option, string? text)
    {
        var unit = string.IsNullOrEmpty(text) ? '\0' : text[^1];
        var seconds = unit switch { 's' => 1L, 'm' => 60L, 'h' => 3600L, 'd' => 86_400L, _ => 0L };
        if (seconds == 0 || !long.TryParse(text.AsSpan(0, text!.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0 || count > 3650L * 86_400 / seconds)
        {
            throw new UsageException($"{option} '{text}' is not a positive duration (e.g. 90s, 30m, 2h, 1d)");
        }

        return TimeSpan.FromSeconds(count * seconds);
    }

    /// <summary>Formats a duration the way <see cref="Duration"/> reads it, in the largest whole unit.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        var (count, unit) = seconds % 86_400 == 0 ? (seconds / 86_400, 'd')
            : seconds % 3600 == 0 ? (seconds / 3600, 'h')
            : seconds % 60 == 0 ? (seconds / 60, 'm')
            : (seconds, 's');
        return count.ToString(CultureInfo.InvariantCulture) + unit;
    }

    /// <summary>How the journal's blocks are written: delta (also when not given), none or brotli.</summary>
    public static RoboTrader.Engine.Journal.JournalCompression JournalCompression(string option, string? text) => text switch
    {
        null or "delta" => RoboTrader.Engine.Journal.JournalCompression.Delta,
        "none" => RoboTrader.Engine.Journal.JournalCompression.None,
        "brotli" => RoboTrader.Engine.Journal.JournalCompression.Brotli,
        _ => throw new UsageException($"{option} must be none, brotli or delta, not '{text}'"),
    };

    /// <summary>A wait strategy name: busy-spin, yielding, sleeping, blocking.</summary>
    public static WaitStrategyKind WaitStrategy(string option, string? text) => text switch
    {
        "busy-spin" => WaitStrategyKind.BusySpin,
        "yielding" => WaitStrategyKind.Yielding,
        "sleeping" => WaitStrategyKind.Sleeping,
        "blocking" => WaitStrategyKind.Blocking,
        _ => throw new UsageException($"{option} '{text}' is not busy-spin, yielding, sleeping or blocking"),
    };

    /// <summary>
    /// One wait strategy for every group ("yielding"), or one per placement group separated by '|' like the placement
    /// itself ("busy-spin|sleeping"); the second is null for the first form.
    /// </summary>
    public static (WaitStrategyKind Wait, IReadOnlyList<WaitStrategyKind>? PerGroup) WaitStrategies(string option, string? text)
    {
        if (text is null || !text.Contains('|', StringComparison.Ordinal))
        {
            return (WaitStrategy(option, text), null);
        }

        var kinds = text.Split('|').Select(part => WaitStrategy(option, part.Trim())).ToArray();
        return (kinds[0], kinds);
    }

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
