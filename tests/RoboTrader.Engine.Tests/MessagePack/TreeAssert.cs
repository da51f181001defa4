using System.Numerics;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>Deep equality of <see cref="MessagePackTree"/> values.</summary>
internal static class TreeAssert
{
    /// <summary>
    /// Asserts two trees are equal. <paramref name="numericOnly"/> compares numbers by value across integer, float 32
    /// and float 64 (the conformance suite lists all three for one number); otherwise the kind must match too and
    /// floats compare by bits (so NaN equals itself).
    /// </summary>
    public static void Equal(object? expected, object? actual, bool numericOnly = false, string path = "$")
    {
        if (numericOnly && IsNumber(expected) && IsNumber(actual))
        {
            Assert.True(NumbersEqual(expected!, actual!), $"{path}: expected {expected} ({expected!.GetType().Name}), got {actual} ({actual!.GetType().Name})");
            return;
        }

        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected nil, got {actual}");
                return;
            case float f:
                Assert.True(actual is float g && BitConverter.SingleToInt32Bits(f) == BitConverter.SingleToInt32Bits(g), $"{path}: expected float {f}, got {actual}");
                return;
            case double d:
                Assert.True(actual is double e && BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits(e), $"{path}: expected double {d}, got {actual}");
                return;
            case byte[] bytes:
                Assert.True(actual is byte[] other && bytes.AsSpan().SequenceEqual(other), $"{path}: binary differs");
                return;
            case object?[] items:
                var actualItems = Assert.IsType<object?[]>(actual);
                Assert.True(items.Length == actualItems.Length, $"{path}: expected {items.Length} items, got {actualItems.Length}");
                for (var i = 0; i < items.Length; i++)
                {
                    Equal(items[i], actualItems[i], numericOnly, $"{path}[{i}]");
                }

                return;
            case MapValue map:
                var actualMap = Assert.IsType<MapValue>(actual);
                Assert.True(map.Pairs.Length == actualMap.Pairs.Length, $"{path}: expected {map.Pairs.Length} pairs, got {actualMap.Pairs.Length}");
                for (var i = 0; i < map.Pairs.Length; i++)
                {
                    Equal(map.Pairs[i].Key, actualMap.Pairs[i].Key, numericOnly, $"{path}.key{i}");
                    Equal(map.Pairs[i].Value, actualMap.Pairs[i].Value, numericOnly, $"{path}.value{i}");
                }

                return;
            case ExtensionValue extension:
                var actualExtension = Assert.IsType<ExtensionValue>(actual);
                Assert.Equal(extension.Type, actualExtension.Type);
                Assert.True(extension.Data.AsSpan().SequenceEqual(actualExtension.Data), $"{path}: extension data differs");
                return;
            case MessagePackTimestamp:
                Assert.Equal(expected, actual);
                return;
            default:
                // bool, string, BigInteger.
                Assert.True(Equals(expected, actual), $"{path}: expected {expected} ({expected.GetType().Name}), got {actual} ({actual?.GetType().Name})");
                return;
        }
    }

    private static bool IsNumber(object? value) => value is BigInteger or float or double;

    private static bool NumbersEqual(object expected, object actual)
    {
        var x = expected is float f ? (object)(double)f : expected;
        var y = actual is float g ? (object)(double)g : actual;
        return (x, y) switch
        {
            (BigInteger a, BigInteger b) => a == b,
            (BigInteger a, double b) => double.IsFinite(b) && Math.Floor(b) == b && new BigInteger(b) == a,
            (double a, BigInteger b) => double.IsFinite(a) && Math.Floor(a) == a && new BigInteger(a) == b,
            (double a, double b) => a.Equals(b),
            _ => false,
        };
    }
}
