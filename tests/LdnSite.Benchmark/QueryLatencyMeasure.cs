namespace LdnSite.Benchmark;

using Microsoft.Playwright;

/// <summary>Query time percentiles, in milliseconds.</summary>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Count">How many timed queries.</param>
public sealed record QueryLatency(double P50, double P95, int Count);

/// <summary>
/// Times the search script's own query function in a page where search has already been used,
/// so no loading is counted: each prefix is searched once untimed (loading whatever search files
/// it needs), then timed in three rounds.
/// </summary>
public static class QueryLatencyMeasure
{
    private const string Script = """
        async (queries) => {
          const prefixes = [];
          for (const q of queries) {
            for (let n = 1; n <= q.length; n++) { prefixes.push(q.slice(0, n)); }   // as the reader types
          }
          // query() may return results or a promise of them; await takes both.
          for (const p of prefixes) { await window.LdnSearch.query(p); }
          const times = [];
          for (let round = 0; round < 3; round++) {
            for (const p of prefixes) {
              const t = performance.now();
              await window.LdnSearch.query(p);
              times.push(performance.now() - t);
            }
          }
          return times;
        }
        """;

    /// <summary>Times <see cref="SearchQueries.Typed"/> in <paramref name="page"/>.</summary>
    public static async Task<QueryLatency> RunAsync(IPage page)
    {
        var times = await page.EvaluateAsync<double[]>(Script, SearchQueries.Typed.ToArray());
        Array.Sort(times);
        return new QueryLatency(times[times.Length / 2], times[(int)(times.Length * 0.95)], times.Length);
    }
}
