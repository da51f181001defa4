using System.Xml;
using System.Xml.Linq;

namespace RoboTrader.Engine.Reporting.Tests.Support;

/// <summary>Parses report.html as XML (it is written as XHTML-compatible markup): a malformed page fails here.</summary>
internal static class ReportXml
{
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XDocument Load(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        return XDocument.Load(reader);
    }
}
