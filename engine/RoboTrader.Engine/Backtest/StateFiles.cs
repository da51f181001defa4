using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Journal;
using RoboTrader.Engine.Persistence;

namespace RoboTrader.Engine.Backtest;

/// <summary>
/// A run's state folder: <c>journal/</c> (the input journal and its source catalog) and <c>ledger/</c> (orders and
/// fills). Opened fresh for a run; closing commits both.
/// </summary>
public sealed class StateFiles : IDisposable
{
    /// <summary>The journal's subfolder.</summary>
    public const string JournalFolder = "journal";

    /// <summary>The ledger's subfolder.</summary>
    public const string LedgerFolder = "ledger";

    private readonly InputJournal _ledgerLog;

    private StateFiles(InputJournal journal, InputJournal ledgerLog, LedgerWriter ledger)
    {
        Journal = journal;
        _ledgerLog = ledgerLog;
        Ledger = ledger;
    }

    /// <summary>The input journal.</summary>
    public InputJournal Journal { get; }

    /// <summary>The ledger.</summary>
    public LedgerWriter Ledger { get; }

    /// <summary>Opens the state folder of <paramref name="options"/>, or returns null when the run has none.</summary>
    /// <exception cref="EngineException">The folder is not empty (resuming from state comes with checkpoints).</exception>
    public static StateFiles? Create(BacktestOptions options, SymbolTable symbols, SourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.StateDirectory is not { } directory)
        {
            return null;
        }

        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"--state '{directory}' is not empty: a run writes its state into a new folder (resuming from it comes with checkpoints)");
        }

        var journalDir = Path.Combine(directory, JournalFolder);
        var journal = InputJournal.Open(JournalFiles.Options(journalDir, options.JournalCommitEveryRecords, options.JournalCommitInterval));
        try
        {
            AtomicFile.Write(Path.Combine(journalDir, SourceCatalog.FileName), new SourceCatalog(symbols, registry.All).Encode());
            var ledgerLog = InputJournal.Open(JournalFiles.Options(Path.Combine(directory, LedgerFolder), options.JournalCommitEveryRecords, options.JournalCommitInterval));
            return new StateFiles(journal, ledgerLog, new LedgerWriter(ledgerLog, symbols));
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
