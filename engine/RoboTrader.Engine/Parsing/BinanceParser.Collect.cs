using System.Text.Json;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Parsing;

/// <summary>The strict and lenient levels' walk over the JSON object: collects the fields Binance payloads carry.</summary>
public static partial class BinanceParser
{
    private static ErrorCode Collect(ReadOnlySpan<byte> json, bool lenient, ref BinanceFields f)
    {
        if (!JsonFrame.TryOpenObject(json, lenient, out var reader))
        {
            return ErrorCode.ParseBadSyntax;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            var key = reader.ValueSpan;
            if (!reader.Read())
            {
                return ErrorCode.ParseBadSyntax;
            }

            var type = reader.TokenType;
            var isScalar = type is JsonTokenType.String or JsonTokenType.Number;
            if (key.Length == 1 && isScalar)
            {
                var value = reader.ValueSpan;
                if (reader.ValueIsEscaped)
                {
                    return ErrorCode.ParseBadSyntax; // no supported Binance field is escaped
                }

                switch (key[0])
                {
                    case (byte)'e':
                        f.EventType = value;
                        f.HasEventType = true;
                        break;
                    case (byte)'s':
                        f.Symbol = value;
                        break;
                    case (byte)'p':
                        f.Price = value;
                        f.AllDecimalsQuoted &= type == JsonTokenType.String;
                        break;
                    case (byte)'q':
                        f.Quantity = value;
                        f.AllDecimalsQuoted &= type == JsonTokenType.String;
                        break;
                    case (byte)'b':
                        f.Bid = value;
                        f.HasBid = true;
                        f.AllDecimalsQuoted &= type == JsonTokenType.String;
                        break;
                    case (byte)'B':
                        f.BidQuantity = value;
                        f.AllDecimalsQuoted &= type == JsonTokenType.String;
                        break;
                    case (byte)'a' when type == JsonTokenType.String:
                        f.Ask = value;
                        f.HasAsk = true;
                        break;
                    case (byte)'A':
                        f.AskQuantity = value;
                        f.AllDecimalsQuoted &= type == JsonTokenType.String;
                        break;
                    case (byte)'E':
                        f.TimeQuoted |= type == JsonTokenType.String;
                        if (!TryTime(ref reader, out f.EventTime))
                        {
                            return ErrorCode.ParseBadNumber;
                        }

                        f.HasEventTime = true;
                        break;
                    case (byte)'T':
                        f.TimeQuoted |= type == JsonTokenType.String;
                        if (!TryTime(ref reader, out f.TradeTime))
                        {
                            return ErrorCode.ParseBadNumber;
                        }

                        f.HasTradeTime = true;
                        break;
                    case (byte)'u':
                        f.HasUpdateId = true;
                        break;
                }

                continue;
            }

            if (key.Length == 1 && type == JsonTokenType.StartArray && key[0] is (byte)'b' or (byte)'a')
            {
                var quoted = true;
                var present = ReadFirstLevel(ref reader, out var price, out var quantity, ref quoted);
                f.AllDecimalsQuoted &= quoted;
                if (key[0] == (byte)'b')
                {
                    f.BidIsLevels = true;
                    f.HasBid = present;
                    f.Bid = price;
                    f.BidQuantity = quantity;
                }
                else
                {
                    f.AskIsLevels = true;
                    f.HasAsk = present;
                    f.Ask = price;
                    f.AskQuantity = quantity;
                }

                continue;
            }

            if (key.SequenceEqual("stream"u8) && type == JsonTokenType.String)
            {
                f.Stream = reader.ValueSpan;
                f.HasStream = true;
                continue;
            }

            if (key.SequenceEqual("data"u8) && type == JsonTokenType.StartObject)
            {
                f.DataStart = (int)reader.TokenStartIndex;
                reader.Skip();
                f.DataEnd = (int)reader.BytesConsumed;
                f.HasData = true;
                continue;
            }

            reader.Skip();
        }

        if (!JsonFrame.IsClosedAtEnd(ref reader))
        {
            return ErrorCode.ParseBadSyntax;
        }

        return ErrorCode.None;
    }

    /// <summary>Reads <c>[[price, qty, ...], ...]</c> keeping the first level; leaves the reader on the outer array's end.</summary>
    private static bool ReadFirstLevel(scoped ref Utf8JsonReader reader, out ReadOnlySpan<byte> price, out ReadOnlySpan<byte> quantity, scoped ref bool quoted)
    {
        price = default;
        quantity = default;
        var found = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (found || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            var i = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number && !reader.ValueIsEscaped)
                {
                    quoted &= reader.TokenType == JsonTokenType.String;
                    if (i == 0)
                    {
                        price = reader.ValueSpan;
                    }
                    else if (i == 1)
                    {
                        quantity = reader.ValueSpan;
                    }
                }
                else
                {
                    reader.Skip();
                }

                i++;
            }

            found = i >= 2;
        }

        return found;
    }

    private static bool TryTime(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out value) && value >= 0;
        }

        return LenientJson.TryParseInteger(reader.ValueSpan, out value);
    }
}
