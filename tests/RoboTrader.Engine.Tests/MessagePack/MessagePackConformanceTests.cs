using System.Numerics;
using RoboTrader.Engine.MessagePack;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>
/// Every case of the public msgpack-test-suite: each listed encoding decodes to the value, and the writer's encoding
/// of the value is one the suite lists.
/// </summary>
/// <remarks>
/// What "the writer's encoding" is asserted to be, where the suite lists several:
/// <list type="bullet">
/// <item>integers (number, bignum): the shortest listed integer encoding. The suite also lists float encodings of
/// integers (4294967296 as the 5-byte <c>ca-4f-80-00-00</c>); an integer writer never writes a float, so those are
/// checked on decode only. Where two 9-byte encodings are listed (2^63−1 as <c>d3…</c> first, <c>cf…</c> second)
/// the writer's uint 64 is accepted: the suite's order there is not a rule (4294967296 lists <c>cf</c> first).</item>
/// <item>floats: <see cref="MessagePackWriter.WriteDouble"/> must give the listed float 64 and
/// <see cref="MessagePackWriter.WriteSingle"/> the listed float 32 (the writer never narrows on its own; the suite's
/// first float 32 for 0.5 is what WriteSingle gives). The same holds for integers where a float form is listed.</item>
/// <item>everything else (nil, bool, binary, strings, arrays, maps, nested, timestamps, ext): the first listed
/// encoding, which is the shortest.</item>
/// </list>
/// </remarks>
public sealed class MessagePackConformanceTests
{
    public static IEnumerable<object[]> Cases() => ConformanceSuite.Cases();

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void Decode_EveryListedEncoding_YieldsTheValue(string group, int index, string value)
    {
        var testCase = ConformanceSuite.Case(group, index);
        var expected = ConformanceSuite.ExpectedValue(testCase, out _);
        foreach (var encoding in ConformanceSuite.Encodings(testCase))
        {
            var reader = new MessagePackReader(encoding);
            Assert.True(MessagePackTree.TryRead(ref reader, out var actual), $"{value}: {Hex.Format(encoding)} failed: {reader.Error.Describe()}");
            Assert.True(reader.End, $"{value}: {Hex.Format(encoding)} left {reader.Remaining} bytes");
            TreeAssert.Equal(expected, actual, numericOnly: true);

            var skipper = new MessagePackReader(encoding);
            Assert.True(skipper.TrySkip());
            Assert.Equal(encoding.Length, skipper.Consumed);
        }
    }

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void Encode_Value_GivesAListedEncoding(string group, int index, string value)
    {
        var testCase = ConformanceSuite.Case(group, index);
        var expected = ConformanceSuite.ExpectedValue(testCase, out var kind);
        var encodings = ConformanceSuite.Encodings(testCase);
        var listed = encodings.Select(e => Hex.Format(e)).ToHashSet();

        if (kind is "number" or "bignum")
        {
            var floatForms = encodings.Where(e => e[0] is 0xca or 0xcb).ToArray();
            if (expected is BigInteger integer)
            {
                var written = Hex.Format(MessagePackTree.Encode(integer));
                var integerForms = encodings.Where(e => e[0] is not (0xca or 0xcb)).ToArray();
                var shortest = integerForms.Min(e => e.Length);
                Assert.Contains(written, listed);
                Assert.Equal(shortest, written.Length / 2);
            }

            foreach (var form in floatForms)
            {
                var number = expected is BigInteger big ? (double)big : (double)expected!;
                var written = form[0] == 0xcb ? MessagePackTree.Encode(number) : MessagePackTree.Encode((float)number);
                Assert.Equal(Hex.Format(form), Hex.Format(written));
            }

            return;
        }

        var encoded = Hex.Format(MessagePackTree.Encode(expected));
        Assert.Equal(Hex.Format(encodings[0]), encoded);
        Assert.True(encodings.All(e => e.Length >= encodings[0].Length), $"{value}: the suite's first encoding is not its shortest");

        if (expected is string text)
        {
            // The UTF-8 overload must agree with the UTF-16 one.
            var buffer = new byte[encoded.Length];
            var writer = new MessagePackWriter(buffer);
            writer.WriteString(System.Text.Encoding.UTF8.GetBytes(text));
            Assert.Equal(encoded, Hex.Format(buffer.AsSpan(0, (int)writer.BytesWritten)));
        }
    }

    [ConformanceFact]
    public void Suite_File_IsPresentAndComplete()
    {
        var cases = ConformanceSuite.Cases().ToList();
        Assert.True(File.Exists(ConformanceSuite.FilePath), $"missing {ConformanceSuite.FilePath}");
        Assert.True(cases.Count >= 80, $"only {cases.Count} cases");
        Assert.Equal(15, cases.Select(c => (string)c[0]).Distinct().Count());
    }
}
