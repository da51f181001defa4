namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>A map in a decoded tree: the pairs in wire order (keys may be any value, and may repeat).</summary>
internal sealed record MapValue(KeyValuePair<object?, object?>[] Pairs);
