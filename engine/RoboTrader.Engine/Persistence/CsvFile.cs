using System.Text;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// An output CSV file: a header written once, rows appended through a buffered stream, counted, flushed, made durable
/// for a checkpoint and cut back to a checkpoint's length on a resume.
/// </summary>
public sealed class CsvFile : OutputFile
{
    /// <summary>Creates the file over <paramref name="stream"/> and writes <paramref name="header"/> (unless the stream has content: a resume).</summary>
    public CsvFile(Stream stream, string header)
        : base(stream)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (Stream.Length == 0)
        {
            Stream.Write(Encoding.ASCII.GetBytes(header + "\n"));
        }
    }

    /// <summary>Rows written.</summary>
    public long Rows => Records;

    /// <summary>Appends one row (ending with its newline).</summary>
    public void Write(ReadOnlySpan<byte> row)
    {
        Stream.Write(row);
        Counted();
    }
}
