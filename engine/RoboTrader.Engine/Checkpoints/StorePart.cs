using RoboTrader.Engine.Durability;

namespace RoboTrader.Engine.Checkpoints;

/// <summary>A store checkpoint a stage group started: the stage (index and name), its store and the checkpoint's token.</summary>
internal readonly record struct StorePart(int Kind, string Name, StateStore Store, Guid Token);
