using System.Buffers;
using System.Globalization;
using System.Text;
using RoboTrader.Engine.Core.Errors;
using RoboTrader.Engine.Parsing;

namespace RoboTrader.Engine.Reporting.Inputs;

/// <summary>
/// Reads one of the engine's CSV outputs row by row: checks the header holds every required column (extra columns
/// are allowed and ignored, so older reports read newer files), splits RFC 4180 fields (quoted fields with <c>""</c>
/// escapes, on one line), and converts fields exactly. Any malformed row throws an <see cref="EngineException"/>
/// (<see cref="ErrorCode.PersistenceCorrupt"/>) naming the file, the line, the column number and name: a row is never
/// skipped silently.
/// </summary>
/// <remarks>Off the engine's path (the report runs after the backtest): allocation per row is fine here.</remarks>
public sealed class CsvFile : IDisposable
{
    private readonly StreamReader _reader;
    private readonly string _name;
    private readonly string[] _columns;
    private readonly int[] _index;
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    private int _headerCount;

    /// <summary>Opens <paramref name="path"/> and checks its header against <paramref name="columns"/>.</summary>
    /// <exception cref="EngineException">The file is empty or its header lacks a column.</exception>
    public CsvFile(string path, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        _name = Path.GetFileName(path);
        _columns = [.. columns];
        _index = new int[_columns.Length];
        // Invalid UTF-8 decodes to U+FFFD, which ReadLineChecked refuses on the line where it is (a throwing decoder
        // would fail on a read-ahead buffer, naming no line).
        _reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: false);
        try
        {
            ReadHeader();
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    /// <summary>The file's name (as errors print it).</summary>
    public string Name => _name;

    /// <summary>1-based line number of the current row.</summary>
    public long Line { get; private set; }

    /// <summary>Moves to the next row; false at the end of the file. Empty lines are errors, except a last empty line.</summary>
    public bool MoveNext()
    {
        var text = _reader.ReadLine();
        if (text is null)
        {
            return false;
        }

        Line++;
        CheckText(text);
        if (text.Length == 0)
        {
            if (_reader.Peek() < 0)
            {
                return false;
            }

            throw RowError("an empty line (every row is one fill, sample or breach)");
        }

        Split(text);
        if (_fields.Count != _headerCount)
        {
            throw RowError($"{_fields.Count} fields where the header has {_headerCount}");
        }

        return true;
    }

    /// <summary>The raw text of required column <paramref name="column"/> (an index into the columns given).</summary>
    public string Text(int column) => _fields[_index[column]];

    /// <summary>A non-empty text field.</summary>
    public string RequiredText(int column)
    {
        var text = Text(column);
        return text.Length > 0 ? text : throw Error(column, "is empty");
    }

    /// <summary>Largest magnitude of a decimal field: far beyond any price, quantity or amount the engine holds (its fixed point tops out near 9.2 × 10¹⁰), small enough that a product of two stays exact in <see cref="decimal"/>.</summary>
    public const decimal MaxMagnitude = 100_000_000_000_000m;

    /// <summary>An exact decimal (<c>-?digits[.digits]</c>, no exponent, no spaces) of magnitude at most <see cref="MaxMagnitude"/>.</summary>
    public decimal Decimal(int column)
    {
        var text = Text(column);
        if (!TryParseDecimal(text, out var value))
        {
            throw Error(column, $"'{text}' is not an exact decimal");
        }

        return Math.Abs(value) <= MaxMagnitude ? value : throw Error(column, $"'{text}' is out of range (magnitude above 10^14)");
    }

    /// <summary>An exact decimal, or null when the field is empty.</summary>
    public decimal? OptionalDecimal(int column) => Text(column).Length == 0 ? null : Decimal(column);

    /// <summary>A non-negative integer.</summary>
    public long Integer(int column)
    {
        var text = Text(column);
        return text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(column, $"'{text}' is not a non-negative integer");
    }

    /// <summary>An ISO 8601 UTC time (<c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c>) as nanoseconds since the Unix epoch.</summary>
    public long Time(int column)
    {
        var text = Text(column);
        Span<byte> ascii = stackalloc byte[64];
        if (text.Length <= ascii.Length && Ascii.FromUtf16(text, ascii, out var n) == OperationStatus.Done && IsoTime.TryParse(ascii[..n], out var nanos))
        {
            return nanos;
        }

        throw Error(column, $"'{text}' is not an ISO 8601 UTC time (yyyy-MM-ddTHH:mm:ss[.fffffffff]Z)");
    }

    /// <summary>The error for the current row's <paramref name="column"/> (an index into the columns given).</summary>
    public EngineException Error(int column, string problem)
        => new(
            ErrorCode.PersistenceCorrupt,
            string.Create(CultureInfo.InvariantCulture, $"{_name} line {Line}, column {_index[column] + 1} ({_columns[column]}): {problem}"));

    /// <summary>The error for the current row as a whole (wrong field count, an empty line).</summary>
    public EngineException RowError(string problem)
        => new(ErrorCode.PersistenceCorrupt, string.Create(CultureInfo.InvariantCulture, $"{_name} line {Line}: {problem}"));

    /// <summary>Parses an exact decimal: optional '-', digits, optionally '.' and digits; at most 28 significant digits.</summary>
    public static bool TryParseDecimal(string text, out decimal value)
    {
        value = 0;
        ArgumentNullException.ThrowIfNull(text);
        var i = text.StartsWith('-') ? 1 : 0;
        var digits = 0;
        var dot = false;
        for (; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                digits++;
            }
            else if (text[i] == '.' && !dot && digits > 0 && i < text.Length - 1)
            {
                dot = true;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    private void ReadHeader()
    {
        var header = _reader.ReadLine();
        Line = 1;
        if (header is null)
        {
            throw new EngineException(ErrorCode.PersistenceCorrupt, $"{_name} is empty: it has no header line ({string.Join(',', _columns)})");
        }

        CheckText(header);

        Split(header);
        _headerCount = _fields.Count;
        for (var c = 0; c < _columns.Length; c++)
        {
            _index[c] = _fields.IndexOf(_columns[c]);
            if (_index[c] < 0)
            {
                throw new EngineException(
                    ErrorCode.PersistenceCorrupt,
                    $"{_name} line 1: the header has no column '{_columns[c]}' (expected {string.Join(',', _columns)}; found {header})");
            }
        }
    }

    private void CheckText(string text)
    {
        var bad = text.IndexOf('\uFFFD', StringComparison.Ordinal);
        if (bad >= 0)
        {
            throw RowError(string.Create(CultureInfo.InvariantCulture, $"character {bad + 1} is not valid UTF-8 (or is U+FFFD)"));
        }
    }

    private void Split(string text)
    {
        _fields.Clear();
        _field.Clear();
        var i = 0;
        while (true)
        {
            if (i < text.Length && text[i] == '"')
            {
                var start = i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new EngineException(
                            ErrorCode.PersistenceCorrupt,
                            string.Create(CultureInfo.InvariantCulture, $"{_name} line {Line}, column {_fields.Count + 1}: the quote opened at character {start + 1} is not closed on this line"));
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            _field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    _field.Append(text[i++]);
                }

                if (i < text.Length && text[i] != ',')
                {
                    throw new EngineException(
                        ErrorCode.PersistenceCorrupt,
                        string.Create(CultureInfo.InvariantCulture, $"{_name} line {Line}, column {_fields.Count + 1}: text after a closing quote (character {i + 1})"));
                }
            }
            else
            {
                var comma = text.IndexOf(',', i);
                var end = comma < 0 ? text.Length : comma;
                _field.Append(text, i, end - i);
                i = end;
            }

            _fields.Add(_field.ToString());
            _field.Clear();
            if (i >= text.Length)
            {
                return;
            }

            i++; // ','
            if (i == text.Length)
            {
                _fields.Add(string.Empty); // a trailing comma: one more, empty field
                return;
            }
        }
    }
}
