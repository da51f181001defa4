// Written for RoboTrader.Engine's side-by-side comparison (perf/disruptor-side-by-side/README.md); not part of
// Disruptor-net. run.sh compiles it into Disruptor-net's library in place of the InlineIL body of InitBlock in
// src/Disruptor/UnmanagedRingBufferMemory.cs (the rest of that file is kept and the class made partial).
using System;
using System.Runtime.CompilerServices;

namespace Disruptor;

public partial class UnmanagedRingBufferMemory
{
    private static unsafe void InitBlock(IntPtr startAddress, byte value, uint byteCount)
    {
        // Unsafe.InitBlockUnaligned is the IL "unaligned. 1 initblk" that the replaced body emitted.
        Unsafe.InitBlockUnaligned((void*)startAddress, value, byteCount);
    }
}
