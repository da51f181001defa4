using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Trading;

namespace RoboTrader.Engine.Persistence;

/// <summary>The text (ASCII) of order fields in the outputs: BUY/SELL, MARKET/LIMIT/STOP/STOP_LIMIT, GTC/DAY/IOC/FOK, statuses, reasons.</summary>
public static class OrderText
{
    private static readonly byte[][] s_reasons = BuildReasons();

    /// <summary>BUY or SELL.</summary>
    public static ReadOnlySpan<byte> Side(Side side) => side == Core.Trading.Side.Buy ? "BUY"u8 : "SELL"u8;

    /// <summary>MARKET, LIMIT, STOP or STOP_LIMIT.</summary>
    public static ReadOnlySpan<byte> Type(OrderType type) => type switch
    {
        OrderType.Limit => "LIMIT"u8,
        OrderType.Stop => "STOP"u8,
        OrderType.StopLimit => "STOP_LIMIT"u8,
        _ => "MARKET"u8,
    };

    /// <summary>GTC, DAY, IOC or FOK.</summary>
    public static ReadOnlySpan<byte> TimeInForce(TimeInForce tif) => tif switch
    {
        Core.Trading.TimeInForce.Day => "DAY"u8,
        Core.Trading.TimeInForce.Ioc => "IOC"u8,
        Core.Trading.TimeInForce.Fok => "FOK"u8,
        _ => "GTC"u8,
    };

    /// <summary>NEW, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED or EXPIRED.</summary>
    public static ReadOnlySpan<byte> Status(OrderStatus status) => status switch
    {
        OrderStatus.New => "NEW"u8,
        OrderStatus.Accepted => "ACCEPTED"u8,
        OrderStatus.PartiallyFilled => "PARTIALLY_FILLED"u8,
        OrderStatus.Filled => "FILLED"u8,
        OrderStatus.Cancelled => "CANCELLED"u8,
        OrderStatus.Rejected => "REJECTED"u8,
        _ => "EXPIRED"u8,
    };

    /// <summary>The reason's name (e.g. <c>ExecutionDayExpired</c>); empty for <see cref="ErrorCode.None"/>.</summary>
    public static ReadOnlySpan<byte> Reason(ErrorCode code)
        => code == ErrorCode.None ? default : (uint)code < (uint)s_reasons.Length && s_reasons[(int)code] is { } name ? name : "unknown"u8;

    private static byte[][] BuildReasons()
    {
        var table = new byte[1000][];
        foreach (var code in Enum.GetValues<ErrorCode>())
        {
            if ((int)code is > 0 and < 1000)
            {
                table[(int)code] = System.Text.Encoding.ASCII.GetBytes(code.ToString());
            }
        }

        return table;
    }
}
