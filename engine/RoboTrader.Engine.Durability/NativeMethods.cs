using System.Runtime.InteropServices;

namespace RoboTrader.Engine.Durability;

/// <summary>The few libc calls .NET does not expose: fsync of a directory, fdatasync of an open file.</summary>
internal static partial class NativeMethods
{
    private const int ORdOnly = 0;
    private const int ODirectory = 0x10000; // Linux x64 and arm64.

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int Fdatasync(Microsoft.Win32.SafeHandles.SafeFileHandle fd);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncHandle(Microsoft.Win32.SafeHandles.SafeFileHandle fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    /// <summary>
    /// Makes the directory entries of <paramref name="directory"/> durable (a new or renamed file survives power loss).
    /// A no-op off Linux.
    /// </summary>
    public static void FsyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
            return;
        var fd = Open(directory, ORdOnly | ODirectory);
        if (fd < 0)
            throw new IOException($"open('{directory}') for fsync failed: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            if (Fsync(fd) != 0)
                throw new IOException($"fsync('{directory}') failed: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>
    /// Makes the data written to <paramref name="file"/> durable (fdatasync on Linux: the data and the size, not the
    /// times; fsync on other Unixes).
    /// </summary>
    /// <exception cref="IOException">The call failed (errno in the message).</exception>
    /// <exception cref="ObjectDisposedException">The handle is closed.</exception>
    public static void SyncData(Microsoft.Win32.SafeHandles.SafeFileHandle file, string path)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("background sync of output files needs a Unix fdatasync");
        var result = OperatingSystem.IsLinux() ? Fdatasync(file) : FsyncHandle(file);
        if (result != 0)
            throw new IOException($"fdatasync('{path}') failed: errno {Marshal.GetLastPInvokeError()}");
    }
}
