using System.Runtime.CompilerServices;
using System.Text.Json;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;

namespace RoboTrader.Engine.Parsing;

/// <summary>
/// The scaffolding the JSON parsers (<see cref="BinanceParser"/>, <see cref="JsonLinesParser"/>,
/// <see cref="TaskInputParser"/>) share around <see cref="Utf8JsonReader"/>: the lenient level's normalised copy of
/// a frame, and one object that must stand alone in its input.
/// </summary>
/// <remarks>
/// A market-data parser hands its levels to <c>ParseMarket</c> as an <see cref="IJsonMarketGrammar"/>. A parser reads one object as <c>TryOpenObject</c>, a loop over the properties
/// (<c>while (reader.Read() &amp;&amp; reader.TokenType == JsonTokenType.PropertyName)</c>), then
/// <c>IsClosedAtEnd</c>; <see cref="Utf8JsonReader"/> throws <see cref="JsonException"/> on malformed JSON, which the
/// parser turns into <c>ParseBadSyntax</c>. Called from the parse stage's thread only (the scratch is the context's).
/// </remarks>
internal static class JsonFrame
{
    /// <summary>
    /// Parses one market-data frame at <paramref name="level"/> with <typeparamref name="TGrammar"/>'s levels: strict
    /// on the frame, lenient on its normalised copy, basic on the frame; malformed JSON is
    /// <see cref="ErrorCode.ParseBadSyntax"/>.
    /// </summary>
    public static ErrorCode ParseMarket<TGrammar>(ParseLevel level, ReadOnlySpan<byte> frame, ParseContext context, ref MarketEvent e)
        where TGrammar : struct, IJsonMarketGrammar
    {
        ArgumentNullException.ThrowIfNull(context);
        e = default;
        try
        {
            switch (level)
            {
                case ParseLevel.Strict:
                    return TGrammar.ParseObject(frame, context, lenient: false, ref e);
                case ParseLevel.Lenient:
                    return TryNormalize(frame, context, out var json) ? TGrammar.ParseObject(json, context, lenient: true, ref e) : ErrorCode.ParseBadSyntax;
                case ParseLevel.Basic:
                    return TGrammar.ParseBasic(frame, context, ref e);
                default:
                    return ErrorCode.ParseLevelUnsupported;
            }
        }
        catch (JsonException)
        {
            // Utf8JsonReader reports malformed JSON only by throwing; this is the failure path of one frame.
            return ErrorCode.ParseBadSyntax;
        }
    }

    /// <summary>
    /// The lenient level's input: <paramref name="frame"/> normalised by <see cref="LenientJson.Normalize"/> into the
    /// context's scratch buffer.
    /// </summary>
    /// <returns>False when the frame holds no object or a quote is unbalanced (the frame's error is then <c>ParseBadSyntax</c>).</returns>
    public static bool TryNormalize(ReadOnlySpan<byte> frame, ParseContext context, out ReadOnlySpan<byte> json)
    {
        var scratch = context.Scratch(frame.Length * 2);
        var n = LenientJson.Normalize(frame, scratch);
        json = n < 0 ? default : scratch[..n];
        return n >= 0;
    }

    /// <summary>
    /// Starts a reader on <paramref name="json"/> with the level's options (<see cref="LenientJson.StrictOptions"/> or
    /// <see cref="LenientJson.LenientOptions"/>) and reads the opening brace of the object.
    /// </summary>
    /// <returns>False when the input does not start with an object (the frame's error is then <c>ParseBadSyntax</c>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryOpenObject(ReadOnlySpan<byte> json, bool lenient, out Utf8JsonReader reader)
    {
        reader = new Utf8JsonReader(json, lenient ? LenientJson.LenientOptions : LenientJson.StrictOptions);
        return reader.Read() && reader.TokenType == JsonTokenType.StartObject;
    }

    /// <summary>
    /// After the loop over the properties: true when the reader stopped at the object's closing brace and nothing
    /// but whitespace (or, leniently, comments) follows it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsClosedAtEnd(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.EndObject && !reader.Read();
}
