using System.Runtime.InteropServices;

namespace RoboTrader.Engine.DisruptorSideBySide;

/// <summary>A counter alone on its cache lines (a handler's running total), the same for both rings.</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
public struct PaddedLong
{
    /// <summary>The value, 64 bytes from either end.</summary>
    [FieldOffset(64)]
    public long Value;
}
