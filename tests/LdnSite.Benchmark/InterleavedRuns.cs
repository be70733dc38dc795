namespace LdnSite.Benchmark;

/// <summary>
/// Runs several builds in turn, round after round (A B C, A B C, …), rather than all runs of A
/// and then all of B: a machine that slows down or speeds up during the benchmark then affects
/// every contender alike, and run i of each is a fair pair for a ratio. Before each run, dirty
/// pages are flushed to disk (untimed): on this throttled disk, what one build (or the corpus
/// generator) wrote was otherwise still being written back during the next build, which was
/// charged for it (a 10,000-page LdnSite build took 20 s right after the corpus was written,
/// 11 s after a sync).
/// </summary>
public static class InterleavedRuns
{
    /// <summary>For each build in <paramref name="builds"/>, its <paramref name="runs"/> measurements in run order.</summary>
    public static IReadOnlyList<Measurement>[] Run(int runs, IReadOnlyList<Func<Measurement>> builds)
    {
        var results = builds.Select(_ => new List<Measurement>()).ToArray();
        for (var run = 0; run < runs; run++)
        {
            for (var b = 0; b < builds.Count; b++)
            {
                Flush();
                results[b].Add(builds[b]());
            }
        }

        return results;
    }

    private static void Flush()
    {
        using var sync = System.Diagnostics.Process.Start("sync")!;
        sync.WaitForExit();
    }
}
