using System.Runtime.CompilerServices;

namespace RoboTrader.Engine.Risk;

/// <summary>
/// The breaches of one event, inline in the ring slot (no allocation). Risk clears it and adds the portfolio breaches
/// (at most five: one per portfolio rule); decide adds the order-level ones (at most three: two clamps and a refusal).
/// </summary>
public struct RiskBreaches
{
    /// <summary>Room for every breach one event can produce.</summary>
    public const int Capacity = 8;

    private Buffer _items;

    /// <summary>Number of breaches on the event.</summary>
    public int Count { readonly get; private set; }

    /// <summary>The breach at <paramref name="index"/>.</summary>
    public readonly RiskBreach this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _items[index];
        }
    }

    /// <summary>Removes every breach (risk, at the start of every event).</summary>
    public void Clear() => Count = 0;

    /// <summary>Adds a breach.</summary>
    public void Add(in RiskBreach breach)
    {
        // WARNING: Capacity covers the most one event can produce; more is a bug, not an input problem.
        if (Count == Capacity)
        {
            throw new InvalidOperationException("more risk breaches on one event than RiskBreaches.Capacity");
        }

        _items[Count++] = breach;
    }

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private RiskBreach _element;
    }
}
