using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Persistence;

/// <summary>Why each level of a frame's parser chain failed, in chain order (a dead letter's <c>levels</c>).</summary>
/// <param name="Strict">The strict level's error.</param>
/// <param name="Lenient">The lenient level's error.</param>
/// <param name="Basic">The basic level's error.</param>
public readonly record struct LevelErrors(ErrorCode Strict, ErrorCode Lenient, ErrorCode Basic);
