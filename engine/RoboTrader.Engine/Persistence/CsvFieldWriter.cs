namespace RoboTrader.Engine.Persistence;

/// <summary>
/// Formats one CSV field from <paramref name="state"/> straight into a row's buffer (see
/// <see cref="CsvRow.Field{TState}"/>): writes the field's bytes at the start of <paramref name="destination"/>, unquoted,
/// and returns how many it wrote.
/// </summary>
/// <remarks>A static method group (such as <c>RiskBreachText.Format</c>) converts to this once and is cached: no allocation per row.</remarks>
public delegate int CsvFieldWriter<TState>(in TState state, Span<byte> destination);
