using Microsoft.Win32.SafeHandles;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// The system calls that make file data durable. <see cref="FileSyncer"/> calls them; tests replace them to gate,
/// order or fail a sync deterministically.
/// </summary>
/// <remarks>Called on the syncer's thread (and on the thread that registers a file, for its folder).</remarks>
public interface IFileSync
{
    /// <summary>Makes every byte written to <paramref name="file"/> so far durable (fdatasync).</summary>
    /// <param name="file">An open handle.</param>
    /// <param name="path">The file's path, for errors.</param>
    /// <exception cref="IOException">The data may not be durable.</exception>
    void SyncData(SafeFileHandle file, string path);

    /// <summary>Makes the entries of folder <paramref name="directory"/> durable (a new file's name survives a power loss).</summary>
    /// <exception cref="IOException">The entries may not be durable.</exception>
    void SyncDirectory(string directory);
}
