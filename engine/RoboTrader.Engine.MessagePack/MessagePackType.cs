namespace RoboTrader.Engine.MessagePack;

/// <summary>The MessagePack type family of the next value, as returned by <see cref="MessagePackReader.PeekType"/>.</summary>
public enum MessagePackType : byte
{
    /// <summary>No more data: the reader is at the end of its input.</summary>
    None = 0,

    /// <summary>nil (<c>0xc0</c>).</summary>
    Nil,

    /// <summary>false or true (<c>0xc2</c>, <c>0xc3</c>).</summary>
    Boolean,

    /// <summary>positive/negative fixint, uint 8–64, int 8–64.</summary>
    Integer,

    /// <summary>float 32 or float 64.</summary>
    Float,

    /// <summary>fixstr, str 8/16/32.</summary>
    String,

    /// <summary>bin 8/16/32.</summary>
    Binary,

    /// <summary>fixarray, array 16/32.</summary>
    Array,

    /// <summary>fixmap, map 16/32.</summary>
    Map,

    /// <summary>fixext 1–16, ext 8/16/32 (including the timestamp, extension type −1).</summary>
    Extension,

    /// <summary>The reserved byte <c>0xc1</c>, which the spec says must never be used.</summary>
    Invalid,
}
