namespace RoboTrader.Engine.Core.Trading;

/// <summary>What an intent asks execute to do.</summary>
public enum OrderAction : byte
{
    /// <summary>Submit a new order (the default).</summary>
    New = 0,

    /// <summary>Cancel the working order <see cref="OrderIntent.Target"/>.</summary>
    Cancel = 1,

    /// <summary>Replace the working order <see cref="OrderIntent.Target"/>'s quantity and prices.</summary>
    Replace = 2,
}
