namespace RoboTrader.Cli;

/// <summary>Process exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The run failed (input, output or engine error).</summary>
    public const int Failed = 1;

    /// <summary>Bad command line or configuration.</summary>
    public const int Usage = 2;
}
