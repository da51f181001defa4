using System.Numerics;

namespace RoboTrader.Engine.Ring;

/// <summary>Small helpers of the ring's arithmetic.</summary>
public static class RingMath
{
    /// <summary>The smallest value among <paramref name="sequences"/>, or <paramref name="minimum"/> if that is smaller or there are none.</summary>
    public static long MinimumSequence(Sequence[] sequences, long minimum)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        for (var i = 0; i < sequences.Length; i++)
        {
            var v = sequences[i].Value;
            if (v < minimum)
            {
                minimum = v;
            }
        }

        return minimum;
    }

    /// <summary>Throws unless <paramref name="bufferSize"/> is a power of two of at least 1; returns log2 of it.</summary>
    public static int CheckBufferSize(int bufferSize)
    {
        if (bufferSize < 1 || !BitOperations.IsPow2(bufferSize))
        {
            throw new ArgumentOutOfRangeException(nameof(bufferSize), bufferSize, "the ring size must be a power of two");
        }

        return BitOperations.Log2((uint)bufferSize);
    }
}
