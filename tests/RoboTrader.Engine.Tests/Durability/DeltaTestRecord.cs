namespace RoboTrader.Engine.Tests.Durability;

/// <summary>One journal record for the delta codec's tests.</summary>
public readonly record struct DeltaTestRecord(long Sequence, int Source, long ReceiveNanos, byte[] Frame);
