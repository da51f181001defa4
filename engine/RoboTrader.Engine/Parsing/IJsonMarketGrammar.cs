using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;

namespace RoboTrader.Engine.Parsing;

/// <summary>
/// The levels of a JSON market-data format, for <see cref="JsonFrame.ParseMarket{TGrammar}"/>: implemented by a
/// struct, so the dispatch is specialised per format and the calls are direct.
/// </summary>
internal interface IJsonMarketGrammar
{
    /// <summary>
    /// The strict level on the frame as it came, or the lenient level (<paramref name="lenient"/>) on the frame
    /// normalised by <see cref="JsonFrame.TryNormalize"/>. May throw <see cref="System.Text.Json.JsonException"/>
    /// on malformed JSON (the frame's error is then <see cref="ErrorCode.ParseBadSyntax"/>).
    /// </summary>
    static abstract ErrorCode ParseObject(ReadOnlySpan<byte> json, ParseContext context, bool lenient, ref MarketEvent e);

    /// <summary>The basic level on the frame as it came.</summary>
    static abstract ErrorCode ParseBasic(ReadOnlySpan<byte> frame, ParseContext context, ref MarketEvent e);
}
