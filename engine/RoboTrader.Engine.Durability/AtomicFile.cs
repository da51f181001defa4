namespace RoboTrader.Engine.Durability;

/// <summary>Replaces a small file so that a reader sees either the old content or the new, never a torn mix.</summary>
public static class AtomicFile
{
    /// <summary>Suffix of the temporary file written before the rename; readers ignore such files.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/>: write a temporary file beside it, fsync it, rename
    /// it over the target, fsync the directory. After return the new content survives a crash or power loss.
    /// </summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = path + TempSuffix;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
        NativeMethods.FsyncDirectory(directory);
    }

    /// <summary>Creates <paramref name="path"/> (if absent) and fsyncs its parent, so the folder survives a power loss.</summary>
    public static void CreateDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return;
        }

        Directory.CreateDirectory(full);
        NativeMethods.FsyncDirectory(Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar))!);
    }
}
