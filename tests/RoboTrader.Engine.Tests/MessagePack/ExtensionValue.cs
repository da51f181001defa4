namespace RoboTrader.Engine.Tests.MessagePack;

/// <summary>An extension value in a decoded tree (any type but a valid timestamp).</summary>
internal sealed record ExtensionValue(sbyte Type, byte[] Data);
