namespace RoboTrader.Engine.Durability;

/// <summary>Receives journal records during <see cref="InputJournal.Scan{TVisitor}(long, ref TVisitor)"/>.</summary>
/// <remarks>
/// Implement with a struct to keep the scan free of allocations and virtual calls. Called on the scanning thread; the
/// span is valid only during the call.
/// </remarks>
public interface IJournalRecordVisitor
{
    /// <summary>Handles one record; returns false to stop the scan after it.</summary>
    /// <param name="record">The record's bytes, as appended.</param>
    /// <param name="address">The record's address (what <see cref="InputJournal.Append"/> returned).</param>
    /// <param name="nextAddress">The address just after the record: where a later scan resumes.</param>
    bool OnRecord(ReadOnlySpan<byte> record, long address, long nextAddress);
}
