using System.Text.Json;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Engine.Persistence;

/// <summary>
/// Writes frames that could not be handled to a JSON-lines file, one object per frame with its sequence, source,
/// format, error code and reason, and the exact raw bytes (base64) — nothing is dropped silently.
/// </summary>
/// <remarks>
/// Shape (one line each): <c>{"seq":N,"source":"name","format":"BinanceSpot","error":"E207","reason":"ParseBadSyntax",
/// "levels":[{"level":"strict","error":"E207","reason":"ParseBadSyntax"},{"level":"lenient",...},{"level":"basic",...}],
/// "frame_base64":"..."}</c>. <c>error</c>/<c>reason</c> are the strict level's (or the stage fault's, with a
/// <c>detail</c>); <c>levels</c> is present for parse failures and gives every level's reason in chain order.
/// </remarks>
/// <remarks>Dead letters are rare: this path may allocate.</remarks>
public sealed class DeadLetterWriter : OutputFile
{
    private readonly Utf8JsonWriter _json;

    /// <summary>Creates the writer over <paramref name="stream"/>.</summary>
    public DeadLetterWriter(Stream stream)
        : base(stream)
    {
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
    }

    /// <summary>Dead letters written.</summary>
    public long Count => Records;

    /// <summary>Appends one dead letter.</summary>
    public void Write(long sequence, SourceDescriptor? source, ErrorCode code, string? detail, ReadOnlySpan<byte> frame)
        => Write(sequence, source, code, detail, default, frame);

    /// <summary>Appends one dead letter of a frame no parser level understood, with each level's reason.</summary>
    public void Write(long sequence, SourceDescriptor? source, string? detail, LevelErrors levels, ReadOnlySpan<byte> frame)
        => Write(sequence, source, levels.Strict, detail, levels, frame);

    private void Write(long sequence, SourceDescriptor? source, ErrorCode code, string? detail, LevelErrors levels, ReadOnlySpan<byte> frame)
    {
        _json.Reset(Stream);
        _json.WriteStartObject();
        _json.WriteNumber("seq", sequence);
        _json.WriteString("source", source?.Name);
        _json.WriteString("format", source?.Format.ToString());
        WriteCode(code);
        if (detail is not null)
        {
            _json.WriteString("detail", detail);
        }

        if (levels.Strict != ErrorCode.None)
        {
            _json.WriteStartArray("levels");
            WriteLevel("strict", levels.Strict);
            WriteLevel("lenient", levels.Lenient);
            WriteLevel("basic", levels.Basic);
            _json.WriteEndArray();
        }

        _json.WriteBase64String("frame_base64", frame);
        _json.WriteEndObject();
        _json.Flush();
        Stream.WriteByte((byte)'\n');
        Counted();
    }

    private void WriteLevel(string level, ErrorCode code)
    {
        _json.WriteStartObject();
        _json.WriteString("level", level);
        WriteCode(code);
        _json.WriteEndObject();
    }

    private void WriteCode(ErrorCode code)
    {
        _json.WriteString("error", "E" + ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _json.WriteString("reason", code.ToString());
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _json.Dispose();
        }

        base.Dispose(disposing);
    }
}
