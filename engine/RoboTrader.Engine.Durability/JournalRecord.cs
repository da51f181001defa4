namespace RoboTrader.Engine.Durability;

/// <summary>A journal record copied out of the log by <see cref="InputJournal.ReadFrom(long)"/>.</summary>
/// <param name="Address">The record's address.</param>
/// <param name="NextAddress">The address just after it.</param>
/// <param name="Payload">The record's bytes (a fresh array).</param>
public readonly record struct JournalRecord(long Address, long NextAddress, byte[] Payload);
