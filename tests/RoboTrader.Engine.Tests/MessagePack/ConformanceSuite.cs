using System.Globalization;
using System.Numerics;
using System.Text.Json;
using RoboTrader.Engine.MessagePack;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>
/// The public msgpack-test-suite (kawanet, MIT) in <c>../shared/conformance/msgpack/msgpack-test-suite.json</c>,
/// read at run time, never copied into the repository. Each case is one value and its equivalent encodings.
/// </summary>
internal static class ConformanceSuite
{
    private static readonly Lazy<JsonDocument?> s_document = new(Load);

    public static string? FilePath => SharedData.ConformanceRoot is { } root
        ? Path.Combine(root, "msgpack", "msgpack-test-suite.json")
        : null;

    /// <summary>One row per case: group file name, index in the group, and the value as JSON (for the test name).</summary>
    public static IEnumerable<object[]> Cases()
    {
        var document = s_document.Value;
        if (document is null)
        {
            // Reported skipped by ConformanceTheory when the folder is absent.
            yield return ["(conformance folder absent)", -1, string.Empty];
            yield break;
        }

        foreach (var group in document.RootElement.EnumerateObject())
        {
            var index = 0;
            foreach (var testCase in group.Value.EnumerateArray())
            {
                var label = string.Join(", ", testCase.EnumerateObject().Where(p => p.Name != "msgpack").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
                yield return [group.Name, index++, label.Length > 80 ? label[..80] + "…" : label];
            }
        }
    }

    public static JsonElement Case(string group, int index)
    {
        var document = s_document.Value ?? throw new InvalidOperationException($"the msgpack conformance suite is missing: {FilePath}");
        return document.RootElement.GetProperty(group)[index];
    }

    /// <summary>The expected tree value of a case: the first property other than <c>msgpack</c>, <c>bignum</c> preferred (exact).</summary>
    public static object? ExpectedValue(JsonElement testCase, out string kind)
    {
        if (testCase.TryGetProperty("bignum", out var bignum))
        {
            kind = "bignum";
            return BigInteger.Parse(bignum.GetString()!, CultureInfo.InvariantCulture);
        }

        var property = testCase.EnumerateObject().First(p => p.Name != "msgpack");
        kind = property.Name;
        return kind switch
        {
            "nil" => null,
            "bool" => property.Value.GetBoolean(),
            "binary" => Hex.Parse(property.Value.GetString()!),
            "timestamp" => new MessagePackTimestamp(property.Value[0].GetInt64(), property.Value[1].GetUInt32()),
            "ext" => new ExtensionValue((sbyte)property.Value[0].GetInt32(), Hex.Parse(property.Value[1].GetString()!)),
            _ => FromJson(property.Value),
        };
    }

    public static byte[][] Encodings(JsonElement testCase)
        => testCase.GetProperty("msgpack").EnumerateArray().Select(e => Hex.Parse(e.GetString()!)).ToArray();

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => BigInteger.TryParse(element.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer
            : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToArray(),
        JsonValueKind.Object => new MapValue(element.EnumerateObject().Select(p => new KeyValuePair<object?, object?>(p.Name, FromJson(p.Value))).ToArray()),
        _ => throw new InvalidOperationException($"unexpected JSON {element.ValueKind}"),
    };

    private static JsonDocument? Load()
    {
        var path = FilePath;
        return path is not null && File.Exists(path) ? JsonDocument.Parse(File.ReadAllBytes(path)) : null;
    }
}
