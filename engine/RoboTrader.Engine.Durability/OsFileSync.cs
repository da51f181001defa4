using Microsoft.Win32.SafeHandles;

namespace RoboTrader.Engine.Durability;

/// <summary>The real system calls: fdatasync of a file, fsync of a folder.</summary>
public sealed class OsFileSync : IFileSync
{
    private OsFileSync()
    {
    }

    /// <summary>The one instance.</summary>
    public static OsFileSync Instance { get; } = new();

    /// <inheritdoc />
    public void SyncData(SafeFileHandle file, string path) => NativeMethods.SyncData(file, path);

    /// <inheritdoc />
    public void SyncDirectory(string directory) => NativeMethods.FsyncDirectory(directory);
}
