using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// The ledger's records, MessagePack maps with exact decimals as strings (readable by any MessagePack library, exact in
/// any language): an order <c>{"n", "seq", "kind": "order", "order", "symbol", "side", "type", "qty", "limit", "stop",
/// "tif"}</c> (type MARKET, LIMIT, STOP or STOP_LIMIT; limit and stop nil where the type has none; tif GTC, DAY, IOC or
/// FOK), a fill <c>{"n", "seq", "kind": "fill", "order", "symbol", "side", "qty", "price", "fee", "position"}</c> and an
/// order transition <c>{"n", "seq", "kind": "order_event", "order", "symbol", "side", "status", "reason", "filled",
/// "leaves"}</c> (status NEW, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED or EXPIRED; reason an error code
/// name or nil), where <c>n</c> numbers ledger records from 1, <c>seq</c> is the input sequence that caused the record
/// and <c>position</c> is the symbol's position after the fill; and a risk breach <c>{"n", "seq", "kind": "breach",
/// "symbol", "rule", "state", "detail"}</c> (rule as its option name, state after the breach, detail as in breaches.csv).
/// </summary>
public static class LedgerRecordCodec
{
    /// <summary>Enough room for any record.</summary>
    public const int MaxLength = 512;

    /// <summary>Encodes an order record from its New transition; returns its length.</summary>
    public static int EncodeOrder(long number, in OrderEvent order, ReadOnlySpan<byte> symbol, Span<byte> destination)
    {
        var w = new MessagePackWriter(destination);
        w.WriteMapHeader(11);
        Header(ref w, number, order.Sequence, "order"u8, order.OrderId, symbol, order.Side);
        w.WriteString("type"u8);
        w.WriteString(OrderText.Type(order.Type));
        w.WriteString("qty"u8);
        Decimal(ref w, order.Quantity.Raw);
        w.WriteString("limit"u8);
        DecimalOrNil(ref w, order.Type is OrderType.Limit or OrderType.StopLimit, order.LimitPrice.Raw);
        w.WriteString("stop"u8);
        DecimalOrNil(ref w, order.Type is OrderType.Stop or OrderType.StopLimit, order.StopPrice.Raw);
        w.WriteString("tif"u8);
        w.WriteString(OrderText.TimeInForce(order.TimeInForce));
        return w.HasOverflowed ? -1 : (int)w.BytesWritten;
    }

    /// <summary>Encodes an order transition record; returns its length.</summary>
    public static int EncodeOrderEvent(long number, in OrderEvent e, ReadOnlySpan<byte> symbol, Span<byte> destination)
    {
        var w = new MessagePackWriter(destination);
        w.WriteMapHeader(10);
        Header(ref w, number, e.Sequence, "order_event"u8, e.OrderId, symbol, e.Side);
        w.WriteString("status"u8);
        w.WriteString(OrderText.Status(e.Status));
        w.WriteString("reason"u8);
        if (e.Reason == Core.Errors.ErrorCode.None)
        {
            w.WriteNil();
        }
        else
        {
            w.WriteString(OrderText.Reason(e.Reason));
        }

        w.WriteString("filled"u8);
        Decimal(ref w, e.Filled.Raw);
        w.WriteString("leaves"u8);
        Decimal(ref w, e.Leaves.Raw);
        return w.HasOverflowed ? -1 : (int)w.BytesWritten;
    }

    /// <summary>Encodes a fill record; returns its length.</summary>
    public static int EncodeFill(long number, in Fill fill, ReadOnlySpan<byte> symbol, Quantity positionAfter, Span<byte> destination)
    {
        var w = new MessagePackWriter(destination);
        w.WriteMapHeader(10);
        Header(ref w, number, fill.Sequence, "fill"u8, fill.OrderId, symbol, fill.Side);
        w.WriteString("qty"u8);
        Decimal(ref w, fill.Quantity.Raw);
        w.WriteString("price"u8);
        Decimal(ref w, fill.Price.Raw);
        w.WriteString("fee"u8);
        Decimal(ref w, fill.Fee.Raw);
        w.WriteString("position"u8);
        Decimal(ref w, positionAfter.Raw);
        return w.HasOverflowed ? -1 : (int)w.BytesWritten;
    }

    /// <summary>Encodes a breach record; returns its length.</summary>
    public static int EncodeBreach(long number, long sequence, in Risk.RiskBreach breach, ReadOnlySpan<byte> symbol, Span<byte> destination)
    {
        var w = new MessagePackWriter(destination);
        w.WriteMapHeader(7);
        w.WriteString("n"u8);
        w.WriteInt64(number);
        w.WriteString("seq"u8);
        w.WriteInt64(sequence);
        w.WriteString("kind"u8);
        w.WriteString("breach"u8);
        w.WriteString("symbol"u8);
        w.WriteString(symbol);
        w.WriteString("rule"u8);
        w.WriteString(BreachesCsvWriter.RuleName(breach.Rule));
        w.WriteString("state"u8);
        w.WriteString(BreachesCsvWriter.StateName(breach.State));
        w.WriteString("detail"u8);
        var bytes = s_detail ??= new byte[Risk.RiskBreachText.MaxLength]; // per thread, as the decimal scratch
        w.WriteString(bytes.AsSpan(0, Risk.RiskBreachText.Format(in breach, bytes)));
        return w.HasOverflowed ? -1 : (int)w.BytesWritten;
    }

    [ThreadStatic]
    private static byte[]? s_detail;

    private static void Header(ref MessagePackWriter w, long number, long sequence, ReadOnlySpan<byte> kind, ClientOrderId id, ReadOnlySpan<byte> symbol, Side side)
    {
        w.WriteString("n"u8);
        w.WriteInt64(number);
        w.WriteString("seq"u8);
        w.WriteInt64(sequence);
        w.WriteString("kind"u8);
        w.WriteString(kind);
        w.WriteString("order"u8);
        w.WriteInt64(id.Value);
        w.WriteString("symbol"u8);
        w.WriteString(symbol);
        w.WriteString("side"u8);
        w.WriteString(side == Side.Buy ? "BUY"u8 : "SELL"u8);
    }

    private static void DecimalOrNil(ref MessagePackWriter w, bool present, long raw)
    {
        if (present)
        {
            Decimal(ref w, raw);
        }
        else
        {
            w.WriteNil();
        }
    }

    private static void Decimal(ref MessagePackWriter w, Int128 raw)
    {
        var bytes = s_scratch ??= new byte[64]; // per thread: a span the writer may keep must not point at the stack
        var n = FixedPoint.FormatUtf8(raw, bytes);
        w.WriteString(bytes.AsSpan(0, n));
    }

    [ThreadStatic]
    private static byte[]? s_scratch;
}
