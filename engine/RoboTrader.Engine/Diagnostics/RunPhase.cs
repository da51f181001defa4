namespace RoboTrader.Engine.Diagnostics;

/// <summary>
/// Marks the moment a command's hot phase begins: the first pipeline of the process is about to start its threads,
/// everything it needs having been opened. The host registers what should happen then (the command-line tool switches
/// its multi-core JIT profile from start-up to the run, so that the next run compiles the run's code ahead, on the
/// core start-up leaves idle); the engine only calls <see cref="Enter"/>.
/// </summary>
/// <remarks>Once a process: the action runs on the first <see cref="Enter"/> and is then forgotten. Thread-safe.</remarks>
public static class RunPhase
{
    private static Action? s_entering;

    /// <summary>Sets what runs when the hot phase begins (replacing an action not yet run).</summary>
    public static void OnEnter(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Volatile.Write(ref s_entering, action);
    }

    /// <summary>The hot phase begins: runs the registered action, if any and not run yet.</summary>
    public static void Enter() => Interlocked.Exchange(ref s_entering, null)?.Invoke();
}
