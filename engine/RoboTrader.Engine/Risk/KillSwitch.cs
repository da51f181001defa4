namespace RoboTrader.Engine.Risk;

/// <summary>
/// Stops all new orders at once. Engaged by an operator, by a risk breach or by a stage fault under the halt policy;
/// released only explicitly.
/// </summary>
/// <remarks>Thread-safe: engaged from any thread, read by the risk stage on every event (one volatile read).</remarks>
public sealed class KillSwitch
{
    private volatile string? _reason;

    /// <summary>True while engaged.</summary>
    public bool IsEngaged => _reason is not null;

    /// <summary>Why it was engaged (null when not).</summary>
    public string? Reason => _reason;

    /// <summary>Engages the switch; the first reason is kept.</summary>
    public void Engage(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Interlocked.CompareExchange(ref _reason, reason, null);
    }

    /// <summary>Releases the switch (an explicit operator action).</summary>
    public void Release() => _reason = null;
}
