namespace RoboTrader.Engine.Ingest;

/// <summary>The id of a registered frame source (a file, a connection, a stream); indexes <see cref="SourceRegistry"/>.</summary>
public readonly record struct SourceId(int Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
