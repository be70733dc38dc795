namespace LdnSite.Benchmark;

using System.Diagnostics;
using LdnSite.Serve;

/// <summary>
/// Times one-page rebuilds under the real dev server (file watcher, cache, in-place writes):
/// from saving a page to the dev server having written the new file.
/// </summary>
public static class IncrementalMeasure
{
    /// <summary>Median and worst of <paramref name="edits"/> edits of one page, in milliseconds.</summary>
    public static async Task<(double Median, double Worst)> RunAsync(string input, string theme, string output, int edits)
    {
        var settings = new SiteSettings { InputFolder = input, ThemeFolder = theme, OutputFolder = output };
        await using var server = new DevServer(settings, port: 0, TextWriter.Null);
        await server.StartAsync();
        using var stop = new CancellationTokenSource();
        var watching = server.WatchAsync(stop.Token);

        var page = Path.Combine(input, CorpusGenerator.SourceOf(1));
        var written = Path.Combine(output, Urls.SitePaths.DestinationOf(CorpusGenerator.SourceOf(1)));
        var times = new List<double>();
        for (var i = 0; i < edits + 2; i++)
        {
            var built = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnBuilt(Engine.Pipelines.BuildResult _) => built.TrySetResult();
            server.Built += OnBuilt;
            var marker = $"Edit number {i} of the benchmark.";
            var clock = Stopwatch.StartNew();
            await File.AppendAllTextAsync(page, $"\n{marker}\n");
            await built.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var elapsed = clock.Elapsed.TotalMilliseconds;
            server.Built -= OnBuilt;
            if (!File.ReadAllText(written).Contains(marker, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The rebuilt page does not contain the edit.");
            }

            if (i >= 2)
            {
                times.Add(elapsed); // The first two edits warm up the JIT.
            }
        }

        await stop.CancelAsync();
        await watching;
        times.Sort();
        return (times[times.Count / 2], times[^1]);
    }
}
