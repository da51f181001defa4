using RoboTrader.Engine.MessagePack;

namespace RoboTrader.Engine.Checkpoints;

/// <summary>
/// A stateful part of the engine whose whole state can be written at a checkpoint and read back on resume, so that
/// the restored part behaves exactly as the one that wrote it.
/// </summary>
/// <remarks>Both methods are called only from the owner's thread (the stage's), never concurrently with its work.</remarks>
public interface ICheckpointable
{
    /// <summary>Writes the whole state.</summary>
    void WriteState(ref MessagePackWriter writer);

    /// <summary>Replaces the state with what <see cref="WriteState"/> wrote.</summary>
    /// <exception cref="Core.Errors.EngineException">The state is malformed or does not fit this instance.</exception>
    void ReadState(ref MessagePackReader reader);
}
