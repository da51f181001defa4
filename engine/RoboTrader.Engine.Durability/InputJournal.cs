using System.Buffers.Binary;
using System.Diagnostics;
using FASTER.core;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Durability;

/// <summary>
/// The append-only journal of inputs, over FASTER's <c>FasterLog</c>: every record is appended with the ring sequence
/// of the input, commits are grouped (every <see cref="InputJournalOptions.CommitEveryRecords"/> records or
/// <see cref="InputJournalOptions.CommitInterval"/>), and each commit carries the sequence it covers as an 8-byte
/// cookie, so that after a restart <see cref="CommittedSequence"/> says exactly which inputs are durable.
/// </summary>
/// <remarks>
/// <para>Thread contract: <see cref="Append"/>, <see cref="Commit"/>, <see cref="CommitIfDue"/>,
/// <see cref="TruncateUntil"/>, <see cref="Close"/> and <see cref="Dispose"/> are called from one thread only (the
/// journaling stage's). <see cref="CommittedSequence"/>, <see cref="WaitForCommit(long)"/> and the addresses may be
/// read from any thread; the committed sequence is published with a full fence by FASTER's commit callback.
/// <see cref="Scan{TVisitor}(long, ref TVisitor)"/> and <see cref="ReadFrom"/> read only committed records and may
/// run on any thread.</para>
/// <para>Opening never starts empty by accident: a folder without a journal gives a new one
/// (<see cref="Created"/> is true); a journal whose settings differ, or whose commit records exist but cannot be read,
/// is an <see cref="EngineException"/>. Records carry per-entry checksums; a damaged record is an
/// <see cref="EngineException"/> (<see cref="ErrorCode.PersistenceCorrupt"/>) when scanned. FASTER's own recovery
/// (even an explicit <c>Recover()</c>) skips commit records it cannot read and starts empty; this class reports that
/// instead, knowing that every commit it makes carries a cookie. One consequence: if power fails while the very first
/// commit record is being written, that torn record is reported as corrupt, although nothing in the journal was ever
/// durable (the operator removes the folder).</para>
/// <para>WARNING: <see cref="Dispose"/> commits nothing: records appended since the last completed commit are lost,
/// exactly as in a crash. Call <see cref="Close"/> for an orderly stop.</para>
/// <para>Limits: one record must fit in a page (2^<see cref="InputJournalOptions.PageSizeBits"/> bytes minus a
/// 12-byte header). Checksums are verified only for pages a scan reads from disk: FASTER loads the last, partly filled
/// page into memory on recovery and does not check it, so damage there is not detected. FASTER creates new segment and commit files without an fsync of the folder, so a power loss (not a
/// process crash) right after a new file appears could lose that file's directory entry.</para>
/// </remarks>
public sealed class InputJournal : IDisposable
{
    private const string LogFileName = "journal.log";
    private const string CommitFolderName = "log-commits";
    private const int RecordHeaderSize = 12; // length + per-entry checksum

    private readonly InputJournalOptions _options;
    private readonly IDevice _device;
    private readonly DeviceLogCommitCheckpointManager _commitManager;
    private readonly FasterLog _log;
    private readonly long _commitIntervalTicks;
    private readonly object _commitSignal = new();
    private readonly byte[] _scanBuffer;

    private long _committedSequence;
    private int _waiters;
    private long _lastAppendedSequence;
    private long _lastCommitRequested;
    private long _truncateRequest;
    private int _uncommittedRecords;
    private long _lastCommitTimestamp;
    private bool _disposed;

    private InputJournal(InputJournalOptions options, bool created)
    {
        _options = options;
        Created = created;
        _commitIntervalTicks = (long)(options.CommitInterval.TotalSeconds * Stopwatch.Frequency);
        _device = Devices.CreateLogDevice(Path.Combine(options.Directory, LogFileName), recoverDevice: true);
        _commitManager = new DeviceLogCommitCheckpointManager(
            new LocalStorageNamedDeviceFactory(),
            new DefaultCheckpointNamingScheme(options.Directory),
            removeOutdated: true);
        _scanBuffer = new byte[1 << options.PageSizeBits];
        MaxRecordLength = (1 << options.PageSizeBits) - RecordHeaderSize;
        try
        {
            _log = new FasterLog(new FasterLogSettings
            {
                LogDevice = _device,
                LogCommitManager = _commitManager,
                PageSizeBits = options.PageSizeBits,
                MemorySizeBits = options.MemorySizeBits,
                SegmentSizeBits = options.SegmentSizeBits,
                LogChecksum = LogChecksumType.PerEntry,
                AutoCommit = false,
                // WARNING: FASTER's own recovery in the constructor swallows every failure; recover explicitly below.
                TryRecoverLatest = false,
            });
            RecoverExplicitly();
        }
        catch
        {
            _log?.Dispose();
            _commitManager.Dispose();
            _device.Dispose();
            throw;
        }

        _lastCommitTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Opens the journal in <see cref="InputJournalOptions.Directory"/>, or creates it when the folder holds none.
    /// </summary>
    /// <exception cref="EngineException">
    /// <see cref="ErrorCode.ConfigurationInvalid"/> for bad options; <see cref="ErrorCode.PersistenceSettingsMismatch"/>
    /// when the journal was written with other settings; <see cref="ErrorCode.PersistenceCorrupt"/> when a journal is
    /// present but cannot be read.
    /// </exception>
    public static InputJournal Open(InputJournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var wanted = JournalSettings.From(options);
        if (Exists(options.Directory))
        {
            JournalSettings.Read(options.Directory).CheckMatches(wanted, options.Directory);
            return new InputJournal(options, created: false);
        }

        if (HasJournalData(options.Directory))
        {
            throw new EngineException(
                ErrorCode.PersistenceCorrupt,
                $"Folder '{options.Directory}' holds journal data but no {JournalSettings.FileName}: refusing to guess its settings.");
        }

        Directory.CreateDirectory(options.Directory);
        wanted.Write(options.Directory);
        return new InputJournal(options, created: true);
    }

    /// <summary>True when <paramref name="directory"/> holds a journal (its settings file).</summary>
    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, JournalSettings.FileName));

    /// <summary>True when this open created a new, empty journal (there was none in the folder).</summary>
    public bool Created { get; }

    /// <summary>The options the journal was opened with.</summary>
    public InputJournalOptions Options => _options;

    /// <summary>
    /// The sequence carried by the last durable commit found when the journal was opened (the recovered cookie), or -1
    /// when nothing was ever committed.
    /// </summary>
    public long RecoveredSequence { get; private set; } = -1;

    /// <summary>The highest sequence whose commit is durable; -1 before any. Readable from any thread.</summary>
    public long CommittedSequence => Volatile.Read(ref _committedSequence);

    /// <summary>The address of the first record kept (moves with <see cref="TruncateUntil"/>).</summary>
    public long BeginAddress => _log.BeginAddress;

    /// <summary>Every record below this address is durable and readable by a scan. Readable from any thread.</summary>
    public long CommittedUntilAddress => _log.CommittedUntilAddress;

    /// <summary>The address the next appended record gets.</summary>
    public long TailAddress => _log.TailAddress;

    /// <summary>The longest record <see cref="Append"/> accepts: a page minus the 12-byte record header.</summary>
    public int MaxRecordLength { get; }

    /// <summary>The sequence of the last appended record (or of the last recovered commit after open).</summary>
    public long LastAppendedSequence => _lastAppendedSequence;

    /// <summary>
    /// Appends one record for the input with ring sequence <paramref name="sequence"/> and commits when the group
    /// commit policy says so. Does not allocate.
    /// </summary>
    /// <param name="sequence">The input's ring sequence; strictly greater than the previous one.</param>
    /// <param name="record">
    /// The record's bytes: 1 to <see cref="MaxRecordLength"/> of them. Empty records are refused because FASTER reads a
    /// zero length as end-of-page padding, which would hide the rest of the page from every scan.
    /// </param>
    /// <returns>The record's address (for <see cref="Scan{TVisitor}(long, ref TVisitor)"/>).</returns>
    /// <remarks>Journaling thread only. Blocks (spins) only when the in-memory log is full and a page is flushing.</remarks>
    public long Append(long sequence, ReadOnlySpan<byte> record)
    {
        if (sequence <= _lastAppendedSequence)
            DurabilityThrow.SequenceNotIncreasing(sequence, _lastAppendedSequence);
        if ((uint)record.Length - 1 >= (uint)MaxRecordLength)
            DurabilityThrow.RecordLength(record.Length, MaxRecordLength);
        var address = _log.Enqueue(record);
        _lastAppendedSequence = sequence;
        if (++_uncommittedRecords >= _options.CommitEveryRecords
            || Stopwatch.GetTimestamp() - _lastCommitTimestamp >= _commitIntervalTicks)
        {
            Commit(sequence);
        }

        return address;
    }

    /// <summary>True when the commit interval has passed since the last commit (journaling thread).</summary>
    public bool CommitIntervalElapsed => Stopwatch.GetTimestamp() - _lastCommitTimestamp >= _commitIntervalTicks;

    /// <summary>
    /// Commits if records are uncommitted and the commit interval has passed, or — in
    /// <see cref="DurabilityMode.CommitBeforeExecute"/> — whenever records are uncommitted. Call it at the end of each
    /// batch and when idle, so that the time policy holds and <see cref="WaitForCommit(long)"/> callers progress.
    /// </summary>
    /// <returns>True when a commit was issued.</returns>
    /// <remarks>Journaling thread only.</remarks>
    public bool CommitIfDue()
    {
        if (_uncommittedRecords == 0)
            return false;
        if (_options.Mode != DurabilityMode.CommitBeforeExecute
            && Stopwatch.GetTimestamp() - _lastCommitTimestamp < _commitIntervalTicks)
        {
            return false;
        }

        Commit(_lastAppendedSequence);
        return true;
    }

    /// <summary>
    /// Starts a durable commit of everything appended so far, tagged with <paramref name="sequence"/> (FASTER
    /// <c>CommitStrongly</c> with the sequence as an 8-byte little-endian cookie). Returns at once; the commit is durable
    /// when <see cref="CommittedSequence"/> reaches <paramref name="sequence"/>.
    /// </summary>
    /// <param name="sequence">
    /// The ring sequence the commit covers: at least the last appended sequence (inputs that are not journaled may be
    /// covered too) and not below the previous commit's.
    /// </param>
    /// <remarks>Journaling thread only. Allocates a little per commit (the cookie and FASTER's commit record).</remarks>
    public void Commit(long sequence)
    {
        if (sequence < _lastAppendedSequence || sequence < _lastCommitRequested)
            DurabilityThrow.CommitBehind(sequence, _lastAppendedSequence, _lastCommitRequested);
        if (Volatile.Read(ref _truncateRequest) is var truncate && truncate > _log.BeginAddress)
        {
            _log.TruncateUntil(truncate);
        }

        var cookie = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(cookie, sequence);
        if (!_log.CommitStrongly(out _, out _, spinWait: false, cookie: cookie, callback: () => OnCommitted(sequence)))
        {
            throw new EngineException(ErrorCode.PersistenceWriteFailed, $"Journal commit of sequence {sequence} was refused.");
        }

        _lastCommitRequested = sequence;
        _uncommittedRecords = 0;
        _lastCommitTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>Blocks until the commit covering <paramref name="sequence"/> is durable.</summary>
    /// <remarks>
    /// Any thread (the execute stage in <see cref="DurabilityMode.CommitBeforeExecute"/>). Only waits: the journaling
    /// thread must issue the commit (<see cref="Commit"/>, <see cref="CommitIfDue"/> or the group policy).
    /// </remarks>
    public void WaitForCommit(long sequence) => WaitForCommit(sequence, Timeout.InfiniteTimeSpan);

    /// <summary>Blocks until the commit covering <paramref name="sequence"/> is durable or the timeout passes.</summary>
    /// <returns>True when committed; false on timeout.</returns>
    /// <exception cref="ObjectDisposedException">The journal was disposed while waiting.</exception>
    public bool WaitForCommit(long sequence, TimeSpan timeout)
    {
        if (Volatile.Read(ref _committedSequence) >= sequence)
            return true;
        var started = Stopwatch.GetTimestamp();
        var spinner = new SpinWait();
        while (Volatile.Read(ref _committedSequence) < sequence)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
            if (timeout != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(started) >= timeout)
                return false;
            if (!spinner.NextSpinWillYield)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                continue;
            }

            lock (_commitSignal)
            {
                Interlocked.Increment(ref _waiters);
                if (Volatile.Read(ref _committedSequence) < sequence)
                    Monitor.Wait(_commitSignal, 1);
                Interlocked.Decrement(ref _waiters);
            }
        }

        return true;
    }

    /// <summary>
    /// Calls <paramref name="visitor"/> for each committed record from <paramref name="fromAddress"/> (a record
    /// address, <see cref="BeginAddress"/>, or a <c>nextAddress</c> from an earlier scan) up to
    /// <see cref="CommittedUntilAddress"/> as of the call. Does not allocate per record.
    /// </summary>
    /// <returns>The address after the last record visited: where to resume.</returns>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceCorrupt"/> on a damaged record.</exception>
    /// <remarks>Any thread; one scan at a time per journal (it reuses a buffer). The visitor runs outside FASTER's
    /// epoch protection.</remarks>
    public unsafe long Scan<TVisitor>(long fromAddress, ref TVisitor visitor)
        where TVisitor : IJournalRecordVisitor
    {
        var until = _log.CommittedUntilAddress;
        var resume = Math.Max(fromAddress, _log.BeginAddress);
        if (resume >= until)
            return resume;
        using var iterator = _log.Scan(resume, until, name: null, recover: false);
        while (true)
        {
            int length;
            long address;
            long next;
            try
            {
                if (!iterator.UnsafeGetNext(out var entry, out length, out address, out next))
                    return resume;
                try
                {
                    new ReadOnlySpan<byte>(entry, length).CopyTo(_scanBuffer);
                }
                finally
                {
                    iterator.UnsafeRelease();
                }
            }
            catch (FasterException e)
            {
                throw Corrupt(resume, e);
            }

            resume = next;
            if (!visitor.OnRecord(new ReadOnlySpan<byte>(_scanBuffer, 0, length), address, next))
                return resume;
        }
    }

    /// <summary>
    /// The committed records from <paramref name="fromAddress"/>, each copied into a new array: for export, tools and
    /// tests. Replay on the hot path uses <see cref="Scan{TVisitor}(long, ref TVisitor)"/>.
    /// </summary>
    /// <exception cref="EngineException"><see cref="ErrorCode.PersistenceCorrupt"/> on a damaged record.</exception>
    public IEnumerable<JournalRecord> ReadFrom(long fromAddress)
    {
        var until = _log.CommittedUntilAddress;
        var start = Math.Max(fromAddress, _log.BeginAddress);
        if (start >= until)
            yield break;
        using var iterator = _log.Scan(start, until, name: null, recover: false);
        while (true)
        {
            byte[] entry;
            int length;
            long address;
            long next;
            try
            {
                if (!iterator.GetNext(out entry, out length, out address, out next))
                    yield break;
            }
            catch (FasterException e)
            {
                throw Corrupt(start, e);
            }

            yield return new JournalRecord(address, next, entry.Length == length ? entry : entry[..length]);
        }
    }

    /// <summary>
    /// Drops records below <paramref name="untilAddress"/> (a record address, e.g. a checkpoint's journal address). Takes
    /// effect on disk with the next <see cref="Commit"/>; whole segments below it are then deleted.
    /// </summary>
    /// <remarks>Journaling thread only. Call only after the manifest that no longer needs those records is durable.</remarks>
    public void TruncateUntil(long untilAddress) => _log.TruncateUntil(untilAddress);

    /// <summary>
    /// Asks the journaling thread to truncate below <paramref name="untilAddress"/> with its next commit (see
    /// <see cref="TruncateUntil"/>); a lower request than one already made is ignored.
    /// </summary>
    /// <remarks>Any thread (the checkpoint coordinator's, once the manifest that no longer needs those records is durable).</remarks>
    public void RequestTruncateUntil(long untilAddress)
    {
        var current = Volatile.Read(ref _truncateRequest);
        while (untilAddress > current)
        {
            var seen = Interlocked.CompareExchange(ref _truncateRequest, untilAddress, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>
    /// Orderly stop: commits what was appended since the last commit (tagged with the last appended sequence), or a
    /// truncation requested since, waits for it to be durable, then disposes.
    /// </summary>
    /// <remarks>Journaling thread only.</remarks>
    public void Close()
    {
        if (_disposed)
            return;
        if (_uncommittedRecords > 0 || _lastAppendedSequence > _lastCommitRequested)
            Commit(_lastAppendedSequence);
        else if (Volatile.Read(ref _truncateRequest) > _log.BeginAddress && _lastCommitRequested >= 0)
            Commit(_lastCommitRequested); // a truncation asked for after the last commit (a checkpoint completing late)
        WaitForCommit(_lastCommitRequested);
        Dispose();
    }

    /// <summary>
    /// Releases the log and its files. WARNING: commits nothing — records appended after the last durable commit are
    /// lost, as in a crash. Use <see cref="Close"/> to stop in order.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        Volatile.Write(ref _disposed, true);
        _log.Dispose();
        _commitManager.Dispose();
        _device.Dispose();
        lock (_commitSignal)
            Monitor.PulseAll(_commitSignal);
    }

    private void RecoverExplicitly()
    {
        var hadCommits = _commitManager.ListCommits().Any();
        try
        {
            _log.Recover();
        }
        catch (Exception e)
        {
            throw new EngineException(
                ErrorCode.PersistenceCorrupt, $"Journal in '{_options.Directory}' could not be recovered: {e.Message}", e);
        }

        var cookie = _log.RecoveredCookie;
        if (cookie is null)
        {
            // Every commit made here carries a cookie, so commit records without a recovered cookie mean FASTER could
            // not read any of them (it logs that and starts empty).
            if (hadCommits)
            {
                throw new EngineException(
                    ErrorCode.PersistenceCorrupt,
                    $"Journal in '{_options.Directory}' has commit records but none could be read.");
            }

            _committedSequence = -1;
            _lastAppendedSequence = -1;
            _lastCommitRequested = -1;
            return;
        }

        if (cookie.Length != sizeof(long))
        {
            throw new EngineException(
                ErrorCode.PersistenceCorrupt,
                $"Journal in '{_options.Directory}' has a {cookie.Length}-byte commit cookie; expected {sizeof(long)}.");
        }

        RecoveredSequence = BinaryPrimitives.ReadInt64LittleEndian(cookie);
        _committedSequence = RecoveredSequence;
        _lastAppendedSequence = RecoveredSequence;
        _lastCommitRequested = RecoveredSequence;
    }

    private void OnCommitted(long sequence)
    {
        // FASTER calls back in commit order from its commit worker; keep the maximum anyway.
        long current;
        do
        {
            current = Volatile.Read(ref _committedSequence);
            if (sequence <= current)
                return;
        }
        while (Interlocked.CompareExchange(ref _committedSequence, sequence, current) != current);

        if (Volatile.Read(ref _waiters) > 0)
        {
            lock (_commitSignal)
                Monitor.PulseAll(_commitSignal);
        }
    }

    private EngineException Corrupt(long near, FasterException e) =>
        new(ErrorCode.PersistenceCorrupt, $"Journal in '{_options.Directory}' is damaged near address {near}: {e.Message}", e);

    private static bool HasJournalData(string directory) =>
        Directory.Exists(directory)
        && (Directory.EnumerateFiles(directory, LogFileName + ".*").Any()
            || Directory.Exists(Path.Combine(directory, CommitFolderName)));
}
