using System.Text;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Core.Numerics;
using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.MessagePack;
using RoboTrader.Engine.Persistence;
using static RoboTrader.Engine.Tests.Execution.ExchangeHarness;

namespace RoboTrader.Engine.Tests.Execution;

/// <summary>The exact text of trades.csv and orders.csv rows and the ledger's order and order_event records for every order type.</summary>
public sealed class ExecutionRecordFormatTests
{
    private static readonly SymbolTable s_symbols = new(["BAC", "IBM"]);

    private static OrderEvent StopLimitEvent(OrderStatus status, ErrorCode reason) => new()
    {
        Sequence = 42,
        TimeNanos = Ms(1_500),
        OrderId = new ClientOrderId(7),
        Symbol = new SymbolId(1),
        Side = Side.Sell,
        Type = OrderType.StopLimit,
        TimeInForce = TimeInForce.Day,
        Status = status,
        Reason = reason,
        Quantity = Q(300),
        Filled = Q(120),
        LimitPrice = P("181.25"),
        StopPrice = P("181.5"),
    };

    [Fact]
    public void TradesCsv_StopLimitFill_HasBothPrices_MarketFillNeither()
    {
        using var stream = new MemoryStream();
        using var writer = new TradesCsvWriter(stream, s_symbols);
        writer.Write(new Fill
        {
            Sequence = 42, TimeNanos = Ms(1_500), OrderId = new ClientOrderId(7), Symbol = new SymbolId(1), Side = Side.Sell,
            Quantity = Q(120), Price = P("181.25"), Fee = new Money(FixedPoint.Scale / 4), OrderType = OrderType.StopLimit,
            LimitPrice = P("181.25"), StopPrice = P("181.5"), PositionAfter = Q(-20), RealizedPnl = new Money(-3 * FixedPoint.Scale / 2),
        });
        writer.Write(new Fill
        {
            Sequence = 43, TimeNanos = Ms(1_501), OrderId = new ClientOrderId(8), Symbol = new SymbolId(0), Side = Side.Buy,
            Quantity = Q(1), Price = P("14"), OrderType = OrderType.Stop, StopPrice = P("13.9"), PositionAfter = Q(1),
        });
        writer.File.Flush();

        Assert.Equal(
            TradesCsvWriter.Header + "\n"
            + "42,2013-10-07T13:30:01.500000Z,IBM,SELL,120,181.25,0.25,7,STOP_LIMIT,181.25,181.5,-20,-1.5\n"
            + "43,2013-10-07T13:30:01.501000Z,BAC,BUY,1,14,0,8,STOP,,13.9,1,0\n",
            Encoding.ASCII.GetString(stream.ToArray()));
    }

    [Fact]
    public void OrdersCsv_Transition_HasStatusFilledQuantityAndReasonName()
    {
        using var stream = new MemoryStream();
        using var writer = new OrdersCsvWriter(stream, s_symbols);
        writer.Write(StopLimitEvent(OrderStatus.Expired, ErrorCode.ExecutionDayExpired));
        writer.Write(StopLimitEvent(OrderStatus.PartiallyFilled, ErrorCode.None) with { Type = OrderType.Limit, TimeInForce = TimeInForce.Gtc });
        writer.File.Flush();

        Assert.Equal(
            OrdersCsvWriter.Header + "\n"
            + "42,2013-10-07T13:30:01.500000Z,7,IBM,SELL,STOP_LIMIT,DAY,300,181.25,181.5,EXPIRED,120,ExecutionDayExpired\n"
            + "42,2013-10-07T13:30:01.500000Z,7,IBM,SELL,LIMIT,GTC,300,181.25,,PARTIALLY_FILLED,120,\n",
            Encoding.ASCII.GetString(stream.ToArray()));
    }

    [Fact]
    public void Ledger_OrderAndOrderEventRecords_CarryTheirFields()
    {
        var buffer = new byte[LedgerRecordCodec.MaxLength];
        var order = Decode(buffer.AsSpan(0, LedgerRecordCodec.EncodeOrder(5, StopLimitEvent(OrderStatus.New, ErrorCode.None), "IBM"u8, buffer)));
        Assert.Equal(
            "n=5 seq=42 kind=order order=7 symbol=IBM side=SELL type=STOP_LIMIT qty=300 limit=181.25 stop=181.5 tif=DAY",
            order);

        var transition = Decode(buffer.AsSpan(0, LedgerRecordCodec.EncodeOrderEvent(6, StopLimitEvent(OrderStatus.PartiallyFilled, ErrorCode.ExecutionAmended), "IBM"u8, buffer)));
        Assert.Equal(
            "n=6 seq=42 kind=order_event order=7 symbol=IBM side=SELL status=PARTIALLY_FILLED reason=ExecutionAmended filled=120 leaves=180",
            transition);

        var market = Decode(buffer.AsSpan(0, LedgerRecordCodec.EncodeOrder(1, StopLimitEvent(OrderStatus.New, ErrorCode.None) with { Type = OrderType.Market, TimeInForce = TimeInForce.Ioc }, "IBM"u8, buffer)));
        Assert.EndsWith("type=MARKET qty=300 limit=nil stop=nil tif=IOC", market, StringComparison.Ordinal);

        var done = Decode(buffer.AsSpan(0, LedgerRecordCodec.EncodeOrderEvent(2, StopLimitEvent(OrderStatus.Filled, ErrorCode.None), "IBM"u8, buffer)));
        Assert.EndsWith("status=FILLED reason=nil filled=120 leaves=0", done, StringComparison.Ordinal);
    }

    private static string Decode(ReadOnlySpan<byte> record)
    {
        var reader = new MessagePackReader(record);
        Assert.True(reader.TryReadMapHeader(out var count));
        var fields = new List<string>();
        for (var i = 0; i < count; i++)
        {
            Assert.True(reader.TryReadString(out var key));
            string value = reader.TryReadInt64(out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : reader.TryReadNil() ? "nil"
                : reader.TryReadString(out var text) ? text
                : throw new InvalidOperationException("unexpected value type");
            fields.Add(key + "=" + value);
        }

        Assert.True(reader.End);
        return string.Join(' ', fields);
    }
}
