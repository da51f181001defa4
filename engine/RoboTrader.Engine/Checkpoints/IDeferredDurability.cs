using RoboTrader.Engine.Durability;
using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Checkpoints;

/// <summary>
/// A checkpointable part whose state names data it wrote elsewhere (output files, a log) by length or sequence. The
/// plain <see cref="ICheckpointable.WriteState"/> makes that data durable before it returns; this one lets the
/// checkpoint wait for it off the owner's thread.
/// </summary>
public interface IDeferredDurability : ICheckpointable
{
    /// <summary>
    /// Writes the whole state, as <see cref="ICheckpointable.WriteState"/> does, but adds what it names and is not
    /// durable yet to <paramref name="pending"/> instead of waiting for it. With a null <paramref name="pending"/> it
    /// behaves as <see cref="ICheckpointable.WriteState"/>.
    /// </summary>
    /// <remarks>
    /// Owner's thread. WARNING: the caller must not let anything rely on this state (a manifest naming it) before
    /// <see cref="PendingDurability.Wait"/> has returned.
    /// </remarks>
    void WriteState(ref MessagePackWriter writer, PendingDurability? pending);
}
