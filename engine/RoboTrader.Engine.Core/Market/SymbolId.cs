namespace RoboTrader.Engine.Core.Market;

/// <summary>A dense integer id of a symbol, assigned by a <see cref="SymbolTable"/>; usable as an array index.</summary>
public readonly record struct SymbolId(int Value)
{
    /// <summary>No symbol.</summary>
    public static SymbolId None => new(-1);

    /// <summary>True when this is a real symbol.</summary>
    public bool IsValid => Value >= 0;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
