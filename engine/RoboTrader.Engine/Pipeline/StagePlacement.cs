using System.Collections.Immutable;

namespace RoboTrader.Engine.Pipeline;

/// <summary>
/// Which stages run on which thread: optionally some leading stages on the producer's own thread, then an ordered list
/// of consumer groups, each an ordered list of stages, together covering every stage once in pipeline order. Text form:
/// groups separated by '|', stages by ','; a first group that starts with <c>ingest</c> runs on the producer thread —
/// e.g. <c>parse|risk,decide,execute,persist</c> or <c>ingest,parse|risk,decide,execute,persist</c>.
/// </summary>
/// <remarks>
/// Risk, decide and execute share the portfolio and must be in one group: that is what keeps each event seeing the
/// portfolio as of every earlier event. Persist cannot run on the producer thread: it flushes its files at the end of
/// each batch the ring hands a consumer.
/// </remarks>
public sealed class StagePlacement
{
    /// <summary>The word that puts the stages after it on the producer thread.</summary>
    public const string ProducerWord = "ingest";

    private StagePlacement(ImmutableArray<StageKind> producer, ImmutableArray<ImmutableArray<StageKind>> groups)
    {
        ProducerStages = producer;
        Groups = groups;
    }

    /// <summary>
    /// The stages ingest runs itself, on the producer thread, on each frame before publishing it (empty: none). They
    /// see every event before any consumer group does.
    /// </summary>
    public ImmutableArray<StageKind> ProducerStages { get; }

    /// <summary>The consumer groups in pipeline order: one thread each.</summary>
    public ImmutableArray<ImmutableArray<StageKind>> Groups { get; }

    /// <summary>
    /// The default for a 2-core machine: the producer thread reads and decompresses the input and parses each frame
    /// before publishing it; one consumer thread runs risk, decide, execute and persist fused. Two busy threads on two
    /// cores with the work split about evenly: with parse on the consumer, the consumer set the pace and the producer
    /// waited on a full ring for about half its time (perf timeline in perf/RESULTS.md).
    /// </summary>
    public static StagePlacement Default { get; } = Parse("ingest,parse|risk,decide,execute,persist");

    /// <summary>Parses the text form; throws <see cref="FormatException"/> naming the problem.</summary>
    public static StagePlacement Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = ImmutableArray.CreateBuilder<ImmutableArray<StageKind>>();
        var producer = ImmutableArray<StageKind>.Empty;
        var seen = new List<StageKind>();
        var groupTexts = text.Split('|');
        for (var g = 0; g < groupTexts.Length; g++)
        {
            var group = ImmutableArray.CreateBuilder<StageKind>();
            var names = groupTexts[g].Split(',');
            var onProducer = false;
            for (var n = 0; n < names.Length; n++)
            {
                var trimmed = names[n].Trim();
                if (trimmed.Equals(ProducerWord, StringComparison.OrdinalIgnoreCase))
                {
                    if (g != 0 || n != 0)
                    {
                        throw new FormatException($"'{text}': '{ProducerWord}' may only start the first group (the stages after it run on the producer thread)");
                    }

                    onProducer = true;
                    continue;
                }

                if (!Enum.TryParse<StageKind>(trimmed, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(trimmed, out _))
                {
                    throw new FormatException($"'{text}': '{trimmed}' is not a stage (parse, risk, decide, execute, persist; '{ProducerWord}' first for the producer thread)");
                }

                if (seen.Contains(kind))
                {
                    throw new FormatException($"'{text}': stage '{trimmed}' appears twice");
                }

                if (seen.Count > 0 && kind < seen[^1])
                {
                    throw new FormatException($"'{text}': stages must keep pipeline order (parse, risk, decide, execute, persist)");
                }

                if (onProducer && kind == StageKind.Persist)
                {
                    throw new FormatException($"'{text}': persist cannot run on the producer thread (it flushes at the end of each batch a consumer takes from the ring)");
                }

                seen.Add(kind);
                group.Add(kind);
            }

            if (onProducer)
            {
                if (group.Count == 0)
                {
                    throw new FormatException($"'{text}': '{ProducerWord}' names no stage to run on the producer thread");
                }

                producer = group.ToImmutable();
            }
            else
            {
                groups.Add(group.ToImmutable());
            }
        }

        if (seen.Count != Enum.GetValues<StageKind>().Length)
        {
            throw new FormatException($"'{text}': every stage must be placed (parse, risk, decide, execute, persist)");
        }

        var result = new StagePlacement(producer, groups.ToImmutable());
        if (result.GroupOf(StageKind.Risk) != result.GroupOf(StageKind.Decide) || result.GroupOf(StageKind.Decide) != result.GroupOf(StageKind.Execute))
        {
            throw new FormatException($"'{text}': risk, decide and execute share the portfolio and must be fused in one group");
        }

        return result;
    }

    /// <summary>The index of the consumer group holding <paramref name="kind"/>; -1 when it runs on the producer thread.</summary>
    public int GroupOf(StageKind kind)
    {
        if (ProducerStages.Contains(kind))
        {
            return -1;
        }

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
    {
        var consumers = Groups.Select(g => string.Join(',', g.Select(Name)));
        return string.Join('|', ProducerStages.IsEmpty ? consumers : consumers.Prepend(string.Join(',', ProducerStages.Select(Name).Prepend(ProducerWord))));
    }

    private static string Name(StageKind kind) => kind.ToString().ToLowerInvariant();
}
