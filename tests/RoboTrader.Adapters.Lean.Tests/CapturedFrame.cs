using System.Text;
using RoboTrader.Engine.Ingest;

namespace RoboTrader.Adapters.Lean.Tests;

/// <summary>One frame seen by the test consumer.</summary>
public sealed record CapturedFrame(SourceId Source, byte[] Bytes)
{
    /// <summary>The frame as ASCII text.</summary>
    public string Text => Encoding.ASCII.GetString(Bytes);
}
