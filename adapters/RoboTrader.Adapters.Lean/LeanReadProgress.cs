namespace RoboTrader.Adapters.Lean;

/// <summary>
/// How much of a run's LEAN data has been read: compressed bytes of the zip files, counted by the reading thread once
/// per decompressed chunk (256 KB) and when a file is closed, so that it ends at exactly <see cref="TotalBytes"/>.
/// </summary>
/// <remarks>
/// WARNING: one writer (the thread running <see cref="LeanDataSource.Run"/>); any thread may read
/// <see cref="BytesRead"/> (a volatile read of one aligned long: never torn, at most one chunk stale). A progress
/// display reads it from its own thread, so it never slows the reading.
/// </remarks>
public sealed class LeanReadProgress
{
    private long _bytesRead;

    /// <summary>Sum of the sizes of the registered data files.</summary>
    public long TotalBytes { get; internal set; }

    /// <summary>Compressed bytes read so far (safe to read from any thread).</summary>
    public long BytesRead => Volatile.Read(ref _bytesRead);

    /// <summary>BytesRead / TotalBytes in [0, 1]; null before the files are registered or when they are empty.</summary>
    public double? Fraction => TotalBytes > 0 ? Math.Clamp((double)BytesRead / TotalBytes, 0, 1) : null;

    internal void AddBytes(long bytes)
    {
        if (bytes > 0)
        {
            Volatile.Write(ref _bytesRead, _bytesRead + bytes);
        }
    }

    internal void Reset() => Volatile.Write(ref _bytesRead, 0);
}
