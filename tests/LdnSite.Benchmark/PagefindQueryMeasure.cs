namespace LdnSite.Benchmark;

using System.Text.Json;
using Microsoft.Playwright;

/// <summary>
/// Pagefind's search in Chromium over HTTP, measured as LdnSite's is: the same first queries, each
/// on a fresh page of the same site, then query times once loaded. HTTP only: Pagefind needs
/// fetch, ES modules and WebAssembly, none of which work from file://. Pagefind is driven through
/// its JavaScript API, not a UI: what a reader needs to see 8 results with excerpts (LdnSite shows
/// up to 8 pages) is the search and the data of its top 8 results.
/// </summary>
public static class PagefindQueryMeasure
{
    /// <summary>The transport's name in the report.</summary>
    public const string Transport = "http (Pagefind)";

    private const int Shown = 8;
    private static readonly float WaitLimit = (float)TimeSpan.FromMinutes(5).TotalMilliseconds;

    // The clock starts before Pagefind's script is imported, as nothing of it is loaded with the
    // page, and stops once the top results' data (title, URL, excerpt) is in hand.
    private const string First = """
        async ({ script, query, shown }) => {
          performance.setResourceTimingBufferSize(100000);
          const since = performance.now();
          const pagefind = await import(script);
          const search = await pagefind.search(query);
          await Promise.all(search.results.slice(0, shown).map(r => r.data()));
          const end = performance.now();
          return { ms: end - since, results: search.results.length,
            timed: performance.getEntriesByType('resource').filter(e => e.startTime >= since).map(e => e.name) };
        }
        """;

    // As QueryLatencyMeasure does for LdnSite: every prefix of the typed queries once untimed (so
    // whatever chunks and fragments it needs are loaded), then timed in three rounds.
    private const string Latency = """
        async ({ script, queries, shown }) => {
          const pagefind = await import(script);
          const prefixes = [];
          for (const q of queries) {
            for (let n = 1; n <= q.length; n++) { prefixes.push(q.slice(0, n)); }
          }
          const top = async (p) => {
            const search = await pagefind.search(p);
            await Promise.all(search.results.slice(0, shown).map(r => r.data()));
          };
          for (const p of prefixes) { await top(p); }
          const times = [];
          for (let round = 0; round < 3; round++) {
            for (const p of prefixes) {
              const t = performance.now();
              await top(p);
              times.push(performance.now() - t);
            }
          }
          return times;
        }
        """;

    /// <summary>Measures Pagefind's bundle in <paramref name="output"/>, served at <paramref name="siteRoot"/>.</summary>
    public static async Task<TransportSearch> RunAsync(IBrowser browser, Uri siteRoot, string output, int pages)
    {
        var script = new Uri(siteRoot, PagefindAnchor.Subfolder + "/pagefind.js").AbsoluteUri;
        var firsts = new List<FirstQuery>();
        QueryLatency? latency = null;
        foreach (var query in SearchQueries.First(pages))
        {
            // A fresh context per query: an empty cache, as for a new reader.
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var first = await FirstAsync(context, page, siteRoot, output, script, query);
            firsts.Add(first);
            Console.WriteLine($"  {Transport} \"{query}\": {first.FirstResultsMs:0} ms, {first.Results} result{(first.Results == 1 ? "" : "s")}, fetched {string.Join(", ", first.Fetched.Files)}"
                + (first.Fetched.Unmapped.Count > 0 ? $"; not in the output: {string.Join(", ", first.Fetched.Unmapped)}" : ""));
            latency ??= await LatencyAsync(page, script);
        }

        return new TransportSearch(Transport, firsts, latency!);
    }

    private static async Task<FirstQuery> FirstAsync(IBrowserContext context, IPage page, Uri siteRoot, string output, string script, string query)
    {
        // Requests are taken from the context, not the page: Pagefind may fetch from its web worker.
        var recorder = new RequestRecorder();
        context.Request += (_, request) => recorder.Add(request);

        // The same page and the same wait as LdnSite's measure (load, then network idle), so what
        // the page loads by itself is counted for neither.
        await page.GotoAsync(new Uri(siteRoot, "index.html").AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = WaitLimit });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = WaitLimit });
        recorder.Start();

        var result = await page.EvaluateAsync<JsonElement>(First, new { script, query, shown = Shown });
        // Both sources, as LdnSite's measure reads them: resource timing misses the worker's fetches.
        var timed = result.GetProperty("timed").EnumerateArray().Select(e => e.GetString()!);
        return new FirstQuery(query, RequestedFiles.Of(recorder.Stop(timed), output, siteRoot),
            result.GetProperty("ms").GetDouble(), result.GetProperty("results").GetInt32());
    }

    private static async Task<QueryLatency> LatencyAsync(IPage page, string script)
    {
        var times = await page.EvaluateAsync<double[]>(Latency, new { script, queries = SearchQueries.Typed.ToArray(), shown = Shown });
        Array.Sort(times);
        return new QueryLatency(times[times.Length / 2], times[(int)(times.Length * 0.95)], times.Length);
    }
}
