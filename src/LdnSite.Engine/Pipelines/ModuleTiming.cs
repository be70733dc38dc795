namespace LdnSite.Engine.Pipelines;

using System.Diagnostics;

/// <summary>
/// When a module started, counted from the start of the process, and how long it took. The start
/// shows what a build waited on: pipelines run side by side, so the longest module is not always
/// the one that decided the build's time, and the time before the first module is start-up.
/// </summary>
public readonly record struct ModuleTiming(TimeSpan Started, TimeSpan Took)
{
    private static readonly DateTime ProcessStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    /// <summary>Now, counted from the start of the process.</summary>
    public static TimeSpan SinceProcessStart() => DateTime.UtcNow - ProcessStarted;

    /// <summary>When the module finished, counted from the start of the process.</summary>
    public TimeSpan Finished => Started + Took;
}
