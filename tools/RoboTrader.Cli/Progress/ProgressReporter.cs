using System.Diagnostics;
using Spectre.Console;

namespace RoboTrader.Cli.Progress;

/// <summary>
/// Shows a run's progress from a thread of its own, which only reads two counters (frames published, input read) a
/// few times a second (bar) or every <see cref="LineInterval"/> (lines): the engine's threads never wait for it or
/// write anything for it. Disposing stops the display (after a last update).
/// </summary>
public sealed class ProgressReporter : IDisposable
{
    /// <summary>How often the plain lines are written.</summary>
    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan s_barInterval = TimeSpan.FromMilliseconds(200);

    private readonly Func<ProgressSnapshot> _sample;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread? _thread;

    private ProgressReporter(ProgressMode mode, Func<ProgressSnapshot> sample, TextWriter output, TimeSpan lineInterval)
    {
        _sample = sample;
        if (mode is ProgressMode.Bar or ProgressMode.Lines)
        {
            _thread = new Thread(mode == ProgressMode.Bar ? RunBar : () => RunLines(output, lineInterval)) { IsBackground = true, Name = "progress", Priority = ThreadPriority.BelowNormal };
            _thread.Start();
        }
    }

    /// <summary>Starts showing the progress of <paramref name="source"/> as <paramref name="mode"/> asks (Auto resolved against <paramref name="output"/>).</summary>
    public static ProgressReporter Start(ProgressMode mode, ProgressingFrameSource source, TextWriter output, TimeSpan? lineInterval = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        return new ProgressReporter(Resolve(mode, output), () => new ProgressSnapshot(source.Events, source.Fraction, clock.Elapsed), output, lineInterval ?? LineInterval);
    }

    /// <summary>
    /// Auto: a bar when <paramref name="output"/> is the process's standard output and that is an interactive terminal;
    /// lines when it is the standard output redirected (a file, a pipe, CI); nothing when the command writes to another
    /// writer (in-process callers and tests).
    /// </summary>
    public static ProgressMode Resolve(ProgressMode mode, TextWriter output)
    {
        if (mode != ProgressMode.Auto)
        {
            return mode;
        }

        if (!ReferenceEquals(output, Console.Out))
        {
            return ProgressMode.None;
        }

        return !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive ? ProgressMode.Bar : ProgressMode.Lines;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Set();
        _thread?.Join();
        _stop.Dispose();
    }

    private void RunLines(TextWriter output, TimeSpan interval)
    {
        var previous = _sample();
        while (!_stop.Wait(interval))
        {
            var now = _sample();
            output.WriteLine(ProgressLine.Format(now, previous));
            output.Flush();
            previous = now;
        }
    }

    private void RunBar()
    {
        AnsiConsole.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("backtest", maxValue: 1000);
                while (true)
                {
                    var stopping = _stop.Wait(s_barInterval);
                    var now = _sample();
                    var seconds = now.Elapsed.TotalSeconds;
                    var rate = seconds > 0 ? now.Events / seconds : 0; // the run's average: steadier than a 200 ms window
                    task.Description = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{now.Events:N0} events  {rate:N0}/s");
                    task.IsIndeterminate = now.Fraction is null;
                    task.Value = (now.Fraction ?? 0) * 1000;
                    context.Refresh();
                    if (stopping)
                    {
                        return;
                    }
                }
            });
    }
}
