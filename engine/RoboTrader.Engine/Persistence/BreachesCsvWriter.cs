using System.Text;
using RoboTrader.Engine.Core.Market;
using RoboTrader.Engine.Risk;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// Writes risk breaches as CSV rows <c>seq,time,symbol,rule,state,detail</c> (seq and time of the event that caused
/// it, rule as its option name, state ACTIVE/REDUCING/HALTED after the breach, detail as RiskBreachText writes it, quoted as RFC 4180 requires should it ever hold a comma) through a
/// <see cref="CsvFile"/>, formatting into a reused buffer.
/// </summary>
public sealed class BreachesCsvWriter : IDisposable
{
    /// <summary>The header line.</summary>
    public const string Header = "seq,time,symbol,rule,state,detail";

    private static readonly byte[][] s_rules = Enumerable.Range(0, RiskRules.Count).Select(r => Encoding.ASCII.GetBytes(RiskRules.Name((RiskRule)r))).ToArray();
    private static readonly byte[][] s_states = Enumerable.Range(0, 3).Select(s => Encoding.ASCII.GetBytes(RiskRules.StateName((Core.Trading.TradingState)s))).ToArray();

    private readonly SymbolTable _symbols;
    private readonly byte[] _row = new byte[512];

    /// <summary>Creates the writer over <paramref name="stream"/> and writes the header (unless the stream has content: a resume).</summary>
    public BreachesCsvWriter(Stream stream, SymbolTable symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        File = new CsvFile(stream, Header);
        _symbols = symbols;
    }

    /// <summary>The file (rows, flushing, checkpoint length, resume).</summary>
    public CsvFile File { get; }

    /// <summary>Rows written.</summary>
    public long Rows => File.Rows;

    /// <summary>The rule's name as bytes.</summary>
    public static ReadOnlySpan<byte> RuleName(RiskRule rule) => s_rules[(int)rule];

    /// <summary>The state's name as bytes.</summary>
    public static ReadOnlySpan<byte> StateName(Core.Trading.TradingState state) => s_states[(int)state];

    /// <summary>Appends one row.</summary>
    public void Write(long sequence, long timeNanos, in RiskBreach breach)
    {
        var row = new CsvRow(_row);
        row.Integer(sequence);
        row.Time(timeNanos);
        row.Text((uint)breach.Symbol.Value < (uint)_symbols.Count ? _symbols.Ascii(breach.Symbol) : default);
        row.Text(RuleName(breach.Rule));
        row.Text(StateName(breach.State));
        row.Field(in breach, RiskBreachText.Format);
        row.End();
        File.Write(row.Written);
    }

    /// <summary>Flushes buffered rows to the file.</summary>
    public void Flush() => File.Flush();

    /// <summary>Flushes to the disk (fsync) and returns the file's length: what a checkpoint records.</summary>
    public long FlushDurable() => File.FlushDurable();

    /// <summary>Resumes after a checkpoint: cuts the file back to <paramref name="length"/> and continues with <paramref name="count"/> rows.</summary>
    public void Resume(long length, long count) => File.Resume(length, count);

    /// <inheritdoc />
    public void Dispose() => File.Dispose();
}
