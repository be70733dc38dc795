namespace LdnSite.Benchmark;

/// <summary>
/// Runs several builds in turn, round after round (A B C, A B C, …), rather than all runs of A
/// and then all of B: a machine that slows down or speeds up during the benchmark then affects
/// every contender alike, and run i of each is a fair pair for a ratio.
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
                results[b].Add(builds[b]());
            }
        }

        return results;
    }
}
