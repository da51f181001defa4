namespace RoboTrader.Cli;

/// <summary>A bad command line: reported as one line on standard error with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
