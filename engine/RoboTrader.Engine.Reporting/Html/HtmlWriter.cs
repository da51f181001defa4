using System.Globalization;
using System.Text;

namespace RoboTrader.Engine.Reporting.Html;

/// <summary>
/// Builds the report's markup: every piece of text and every attribute value goes through <see cref="Text"/> or
/// <see cref="Attribute"/>, which escape <c>&amp; &lt; &gt; " '</c>, so data (symbols, details, parameters) can never
/// become markup. The output is XHTML-compatible: what it writes also parses as XML.
/// </summary>
public sealed class HtmlWriter
{
    private readonly StringBuilder _out = new(1 << 16);

    /// <summary>Appends trusted markup (literals of the report itself, never data).</summary>
    public HtmlWriter Raw(string markup)
    {
        _out.Append(markup);
        return this;
    }

    /// <summary>Appends <paramref name="text"/> escaped as element content.</summary>
    public HtmlWriter Text(string text)
    {
        Append(text);
        return this;
    }

    /// <summary>Appends <c> name="value"</c> with the value escaped.</summary>
    public HtmlWriter Attribute(string name, string value)
    {
        _out.Append(' ').Append(name).Append("=\"");
        Append(value);
        _out.Append('"');
        return this;
    }

    /// <summary>Appends <c>&lt;tag&gt;text&lt;/tag&gt;</c> with the text escaped.</summary>
    public HtmlWriter Element(string tag, string text, string? cssClass = null)
    {
        _out.Append('<').Append(tag);
        if (cssClass is not null)
        {
            Attribute("class", cssClass);
        }

        _out.Append('>');
        Append(text);
        _out.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Appends a number formatted with the invariant culture.</summary>
    public HtmlWriter Number(double value, string format)
    {
        _out.Append(value.ToString(format, CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>The markup written so far.</summary>
    public override string ToString() => _out.ToString();

    /// <summary>Escapes <paramref name="text"/> for element content or a quoted attribute value.</summary>
    public static string Escape(string? text)
    {
        var writer = new HtmlWriter();
        writer.Append(text);
        return writer.ToString();
    }

    private void Append(string? text)
    {
        foreach (var c in text ?? string.Empty)
        {
            switch (c)
            {
                case '&': _out.Append("&amp;"); break;
                case '<': _out.Append("&lt;"); break;
                case '>': _out.Append("&gt;"); break;
                case '"': _out.Append("&quot;"); break;
                case '\'': _out.Append("&#39;"); break;
                case < ' ' and not ('\t' or '\n' or '\r'): _out.Append("&#xFFFD;"); break; // not allowed in XML 1.0
                default: _out.Append(c); break;
            }
        }
    }
}
