namespace RoboTrader.Engine.Core.Trading;

/// <summary>
/// A deterministic client order id: the order's ordinal in the run (1, 2, 3, …). The same inputs and
/// configuration give the same ids, so a venue can recognise an order regenerated during recovery.
/// </summary>
public readonly record struct ClientOrderId(long Value)
{
    /// <summary>No order.</summary>
    public static ClientOrderId None => default;

    /// <summary>True when this is a real id.</summary>
    public bool IsValid => Value > 0;

    /// <summary>Text form, e.g. "O-42".</summary>
    public override string ToString() => "O-" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
