using RoboTrader.Engine.Checkpoints;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Journal;
using RoboTrader.Engine.Persistence;

namespace RoboTrader.Engine.Backtest;

/// <summary>
/// A run's state folder: <c>journal/</c> (the input journal and its source catalog), <c>ledger/</c> (orders and
/// fills), <c>stores/</c> (each stage's FASTER store) and <c>manifest.json</c> (the last complete checkpoint). Opened
/// fresh for a run; closing commits the journal and the ledger.
/// </summary>
public sealed class StateFiles : IDisposable
{
    /// <summary>The journal's subfolder.</summary>
    public const string JournalFolder = "journal";

    /// <summary>The ledger's subfolder.</summary>
    public const string LedgerFolder = "ledger";

    private readonly InputJournal _ledgerLog;

    private StateFiles(InputJournal journal, InputJournal ledgerLog, LedgerWriter ledger, CheckpointManifest? resume)
    {
        Resume = resume;
        Journal = journal;
        _ledgerLog = ledgerLog;
        Ledger = ledger;
    }

    /// <summary>The checkpoint to resume from (null: a fresh run).</summary>
    public CheckpointManifest? Resume { get; }

    /// <summary>The input journal.</summary>
    public InputJournal Journal { get; }

    /// <summary>The ledger.</summary>
    public LedgerWriter Ledger { get; }

    /// <summary>
    /// Opens the state folder of <paramref name="options"/>, or returns null when the run has none. A folder with a
    /// checkpoint manifest is opened for a resume (<see cref="Resume"/>); one without (a run that stopped before its
    /// first checkpoint) loses its journal, ledger and partial checkpoints and starts afresh.
    /// </summary>
    /// <param name="options">The run's options.</param>
    /// <param name="symbols">The symbols.</param>
    /// <param name="registry">The sources.</param>
    /// <param name="settings">The run's result-relevant options: a checkpoint written with others is refused.</param>
    /// <exception cref="EngineException">The folder holds something else, or a checkpoint of a run with other options.</exception>
    public static StateFiles? Create(BacktestOptions options, SymbolTable symbols, SourceRegistry registry, string settings = "")
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.StateDirectory is not { } directory)
        {
            return null;
        }

        var resume = Directory.Exists(directory) ? CheckpointCoordinator.ReadManifest(directory) : null;
        if (resume is not null && resume.Settings != settings)
        {
            throw new EngineException(
                ErrorCode.PersistenceSettingsMismatch,
                $"--state '{directory}' holds a checkpoint of a run with other options: run the same command again to resume it, or use a new folder.\n  checkpoint: {resume.Settings}\n  this run:   {settings}");
        }

        if (resume is null && Directory.Exists(directory))
        {
            // Stopped before its first checkpoint: nothing to resume from, start afresh.
            foreach (var sub in new[] { JournalFolder, LedgerFolder, CheckpointCoordinator.StoresFolder })
            {
                var path = Path.Combine(directory, sub);
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }
            }

            if (Directory.EnumerateFileSystemEntries(directory).Any())
            {
                throw new EngineException(ErrorCode.ConfigurationInvalid, $"--state '{directory}' is not empty and holds no run state: a run writes its state into a new folder or resumes its own");
            }
        }

        var journalDir = Path.Combine(directory, JournalFolder);
        var journal = InputJournal.Open(JournalFiles.Options(journalDir, options.JournalCommitEveryRecords, options.JournalCommitInterval, options.Durability));
        try
        {
            AtomicFile.Write(Path.Combine(journalDir, SourceCatalog.FileName), new SourceCatalog(symbols, registry.All).Encode());
            var ledgerLog = InputJournal.Open(JournalFiles.Options(Path.Combine(directory, LedgerFolder), options.JournalCommitEveryRecords, options.JournalCommitInterval));
            return new StateFiles(journal, ledgerLog, new LedgerWriter(ledgerLog, symbols), resume);
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    /// <summary>Commits and closes the journal and the ledger.</summary>
    public void Close()
    {
        Journal.Close();
        _ledgerLog.Close();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Journal.Dispose();
        _ledgerLog.Dispose();
    }
}
