using BenchmarkDotNet.Running;

namespace RoboTrader.Engine.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*'</c> (see perf/RESULTS.md).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
