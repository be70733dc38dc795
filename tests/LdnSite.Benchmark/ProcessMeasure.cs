namespace LdnSite.Benchmark;

using System.Diagnostics;

/// <summary>Wall time and peak resident memory of a child process.</summary>
/// <param name="Seconds">Wall-clock time from start to exit.</param>
/// <param name="PeakMegabytes">Highest VmHWM seen in /proc while it ran.</param>
/// <param name="Output">What it printed.</param>
public sealed record Measurement(double Seconds, double PeakMegabytes, string Output);

/// <summary>Runs a program and samples its memory high-water mark from /proc until it exits.</summary>
public static class ProcessMeasure
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; throws when it fails.</summary>
    public static Measurement Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        double peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMegabytes(process.Id));
            Thread.Sleep(2);
        }

        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}):\n{output.Result}\n{errors.Result}");
        }

        return new Measurement(seconds, peak, output.Result + errors.Result);
    }

    private static double HighWaterMegabytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
