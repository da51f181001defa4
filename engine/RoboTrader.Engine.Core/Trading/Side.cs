namespace RoboTrader.Engine.Core.Trading;

/// <summary>Order or fill side.</summary>
public enum Side : byte
{
    /// <summary>No side (no order).</summary>
    None = 0,

    /// <summary>Buy.</summary>
    Buy = 1,

    /// <summary>Sell.</summary>
    Sell = 2,
}
