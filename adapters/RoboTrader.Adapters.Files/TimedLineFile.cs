using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Ingest;
using RoboTrader.Engine.Parsing;
using RoboTrader.Engine.Pipeline;

namespace RoboTrader.Adapters.Files;

/// <summary>
/// A file of task-input frames (signals, commands), one per line, to be merged by time into a market-data stream
/// (<see cref="IInterleavedFrames"/>). Lines are split like <see cref="LineFileSource"/> (a '\r' before '\n' is part of
/// the terminator; empty lines are skipped) and always published byte for byte, in file order.
/// </summary>
/// <remarks>
/// <para>The merge time of a line is read without parsing it: the first key <c>"time"</c> (or <c>'time'</c>), exactly
/// so, followed by ':' and either a quoted ISO 8601 UTC time (<see cref="IsoTime.TryParse"/>) or a bare integer epoch
/// (<see cref="IsoTime.TryParseEpoch"/>). A line without a readable time — or with a time before the previous line's —
/// takes the previous line's merge time (the first line: before everything), so it is still published, where it sits
/// in the file, and then parsed or dead-lettered like any frame.</para>
/// <para>The file is read whole when the run starts: task inputs are small next to market data.</para>
/// </remarks>
public sealed class TimedLineFile : IInterleavedFrames
{
    private readonly string _path;
    private readonly SourceDescriptor _descriptor;
    private readonly List<(int Start, int Length, long Time)> _lines = [];
    private byte[] _content = [];
    private int _next;
    private SourceId _id;

    /// <summary>Creates the file source; the file is read by <see cref="Open"/>.</summary>
    public TimedLineFile(string path, SourceDescriptor descriptor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(descriptor);
        _path = path;
        _descriptor = descriptor;
    }

    /// <summary>Lines published so far.</summary>
    public long Frames => _next;

    /// <summary>Lines whose merge time could not be read from the line (they took the previous line's).</summary>
    public long UntimedLines { get; private set; }

    /// <inheritdoc />
    public long NextTime => _next < _lines.Count ? _lines[_next].Time : long.MaxValue;

    /// <inheritdoc />
    public void RegisterSources(SourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _id = registry.Register(_descriptor);
    }

    /// <inheritdoc />
    public void Open()
    {
        try
        {
            _content = File.ReadAllBytes(_path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EngineException(ErrorCode.MarketDataUnreadable, $"cannot read '{_path}': {ex.Message}", ex);
        }

        _lines.Clear();
        _next = 0;
        UntimedLines = 0;
        var previous = long.MinValue;
        var start = 0;
        while (start < _content.Length)
        {
            var newline = _content.AsSpan(start).IndexOf((byte)'\n');
            var end = newline < 0 ? _content.Length : start + newline;
            var length = end - start;
            if (length > 0 && _content[end - 1] == (byte)'\r')
            {
                length--;
            }

            if (length > PipelineSlot.MaxFrameLength)
            {
                throw new EngineException(ErrorCode.MarketDataUnreadable, $"'{_path}': line {_lines.Count + 1} is longer than {PipelineSlot.MaxFrameLength} bytes");
            }

            if (length > 0)
            {
                if (TryReadTime(_content.AsSpan(start, length), out var time))
                {
                    previous = Math.Max(previous, time);
                }
                else
                {
                    UntimedLines++;
                }

                _lines.Add((start, length, previous));
            }

            start = end + 1;
        }
    }

    /// <inheritdoc />
    public void PublishNext(IngestStage ingest)
    {
        ArgumentNullException.ThrowIfNull(ingest);
        var (start, length, _) = _lines[_next++];
        ingest.Publish(_id, _content.AsSpan(start, length));
    }

    /// <summary>Reads a line's merge time as described on the type.</summary>
    public static bool TryReadTime(ReadOnlySpan<byte> line, out long utcNanos)
    {
        utcNanos = 0;
        var at = IndexOfKey(line);
        if (at < 0)
        {
            return false;
        }

        var rest = line[at..].TrimStart(" \t"u8);
        if (rest.IsEmpty || rest[0] != (byte)':')
        {
            return false;
        }

        rest = rest[1..].TrimStart(" \t"u8);
        if (!rest.IsEmpty && rest[0] is (byte)'"' or (byte)'\'')
        {
            var close = rest[1..].IndexOf(rest[0]);
            return close >= 0 && IsoTime.TryParse(rest.Slice(1, close), out utcNanos);
        }

        var digits = 0;
        while (digits < rest.Length && (uint)(rest[digits] - '0') <= 9)
        {
            digits++;
        }

        return IsoTime.TryParseEpoch(rest[..digits], out utcNanos);
    }

    /// <summary>The index just after the first quoted key <c>time</c>, or −1.</summary>
    private static int IndexOfKey(ReadOnlySpan<byte> line)
    {
        var offset = 0;
        while (true)
        {
            var i = line[offset..].IndexOf("time"u8);
            if (i < 0)
            {
                return -1;
            }

            i += offset;
            if (i > 0 && i + 4 < line.Length && line[i - 1] is (byte)'"' or (byte)'\'' && line[i + 4] == line[i - 1])
            {
                return i + 5;
            }

            offset = i + 4;
        }
    }
}
