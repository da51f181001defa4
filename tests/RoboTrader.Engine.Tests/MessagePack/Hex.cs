namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>Hex strings as the conformance suite writes them (<c>cc-80</c>), dashes and spaces optional.</summary>
internal static class Hex
{
    public static byte[] Parse(string hex) => Convert.FromHexString(hex.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
