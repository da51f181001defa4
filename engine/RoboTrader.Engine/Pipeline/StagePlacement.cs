using System.Collections.Immutable;

namespace RoboTrader.Engine.Pipeline;

/// <summary>
/// Which stages share a consumer thread: an ordered list of groups, each an ordered list of stages, together covering
/// every stage once in pipeline order. Text form: groups separated by '|', stages by ',' —
/// e.g. <c>parse|risk,decide,execute,persist</c>.
/// </summary>
/// <remarks>
/// Risk, decide and execute share the portfolio and must be in one group: that is what keeps each event seeing the
/// portfolio as of every earlier event.
/// </remarks>
public sealed class StagePlacement
{
    private StagePlacement(ImmutableArray<ImmutableArray<StageKind>> groups) => Groups = groups;

    /// <summary>The groups in pipeline order.</summary>
    public ImmutableArray<ImmutableArray<StageKind>> Groups { get; }

    /// <summary>
    /// The default for a 2-core machine: the producer thread reads and decompresses input, one consumer thread runs
    /// every stage fused. Two busy threads on two cores, no hand-off between stages.
    /// </summary>
    public static StagePlacement Default { get; } = Parse("parse,risk,decide,execute,persist");

    /// <summary>Parses the text form; throws <see cref="FormatException"/> naming the problem.</summary>
    public static StagePlacement Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = ImmutableArray.CreateBuilder<ImmutableArray<StageKind>>();
        var seen = new List<StageKind>();
        foreach (var groupText in text.Split('|'))
        {
            var group = ImmutableArray.CreateBuilder<StageKind>();
            foreach (var name in groupText.Split(','))
            {
                var trimmed = name.Trim();
                if (!Enum.TryParse<StageKind>(trimmed, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(trimmed, out _))
                {
                    throw new FormatException($"'{text}': '{trimmed}' is not a stage (parse, risk, decide, execute, persist)");
                }

                if (seen.Contains(kind))
                {
                    throw new FormatException($"'{text}': stage '{trimmed}' appears twice");
                }

                if (seen.Count > 0 && kind < seen[^1])
                {
                    throw new FormatException($"'{text}': stages must keep pipeline order (parse, risk, decide, execute, persist)");
                }

                seen.Add(kind);
                group.Add(kind);
            }

            groups.Add(group.ToImmutable());
        }

        if (seen.Count != Enum.GetValues<StageKind>().Length)
        {
            throw new FormatException($"'{text}': every stage must be placed (parse, risk, decide, execute, persist)");
        }

        var result = new StagePlacement(groups.ToImmutable());
        if (result.GroupOf(StageKind.Risk) != result.GroupOf(StageKind.Decide) || result.GroupOf(StageKind.Decide) != result.GroupOf(StageKind.Execute))
        {
            throw new FormatException($"'{text}': risk, decide and execute share the portfolio and must be fused in one group");
        }

        return result;
    }

    /// <summary>The index of the group holding <paramref name="kind"/>.</summary>
    public int GroupOf(StageKind kind)
    {
        for (var i = 0; i < Groups.Length; i++)
        {
            if (Groups[i].Contains(kind))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind));
    }

    /// <inheritdoc />
    public override string ToString()
        => string.Join('|', Groups.Select(g => string.Join(',', g.Select(k => k.ToString().ToLowerInvariant()))));
}
