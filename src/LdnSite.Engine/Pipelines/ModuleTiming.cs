namespace LdnSite.Engine.Pipelines;

using System.Diagnostics;

/// <summary>
/// When a module started, counted from the start of the process, and how long it took. The start
/// shows what a build waited on: pipelines run side by side, so the longest module is not always
/// the one that decided the build's time, and the time before the first module is start-up.
/// </summary>
public readonly record struct ModuleTiming(TimeSpan Started, TimeSpan Took)
{
    private static readonly DateTime ProcessStarted = StartOfProcess();

    /// <summary>Now, counted from the start of the process.</summary>
    public static TimeSpan SinceProcessStart() => DateTime.UtcNow - ProcessStarted;

    // Some sandboxes refuse to tell a process's start time; timings then count from the first use.
    private static DateTime StartOfProcess()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return process.StartTime.ToUniversalTime();
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return DateTime.UtcNow;
        }
    }

    /// <summary>When the module finished, counted from the start of the process.</summary>
    public TimeSpan Finished => Started + Took;
}
