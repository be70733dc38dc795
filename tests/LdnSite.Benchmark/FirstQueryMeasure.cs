namespace LdnSite.Benchmark;

using Microsoft.Playwright;

/// <summary>What a reader's first search on a freshly opened page costs.</summary>
/// <param name="Query">What was typed.</param>
/// <param name="Fetched">Every file the page requested once loaded (load event, then network idle), up to the first results.</param>
/// <param name="FirstResultsMs">From focusing the search box to results (or "No results") in the page.</param>
/// <param name="Results">How many results the search found, where the measure can tell (Pagefind's API does; LdnSite's box is read only for its first result).</param>
public sealed record FirstQuery(string Query, RequestedFiles Fetched, double FirstResultsMs, int? Results = null);

/// <summary>
/// Types a first query into the real search box and waits for the results the reader sees.
/// Only the UI is used (<c>#search-input</c>, <c>#search-results</c>, <c>#search-status</c>), not
/// the search script's API, so the figure stays comparable when the way search files are split
/// and loaded changes.
/// </summary>
public static class FirstQueryMeasure
{
    private static readonly float WaitLimit = (float)TimeSpan.FromMinutes(5).TotalMilliseconds;

    // Runs in the page before typing. The clock starts when the box gets focus, because the UI may
    // start loading search then. The observer stops it in the same task that puts the first
    // option (or the "No results" status) in the document, before paint: script time, not frames.
    private const string Arm = """
        () => {
          const bench = window.__bench = { since: performance.now(), start: null, end: null, failure: null };
          performance.setResourceTimingBufferSize(100000);
          const begin = () => { if (bench.start === null) { bench.start = performance.now(); } };
          document.addEventListener('focusin', begin, true);
          document.addEventListener('input', begin, true);
          const list = document.getElementById('search-results');
          const status = document.getElementById('search-status');
          const observer = new MutationObserver(() => {
            const text = status ? status.textContent : '';
            const found = list && list.querySelector('[role=option]');
            if (found || /No results/.test(text) || /could not load/i.test(text)) {
              bench.end = performance.now();
              bench.failure = found || /No results/.test(text) ? null : text;
              observer.disconnect();
            }
          });
          observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """;

    /// <summary>Opens <paramref name="start"/> in <paramref name="page"/> (a fresh context, so nothing is cached) and searches for <paramref name="query"/>.</summary>
    public static async Task<FirstQuery> RunAsync(IPage page, Uri start, Uri siteRoot, string output, string query)
    {
        var recorder = new RequestRecorder();
        page.Request += (_, request) => recorder.Add(request);

        await page.GotoAsync(start.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = WaitLimit });
        // Chromium fetches the favicon after the load event; recording only once the network has
        // settled keeps it (and anything else the page loads by itself) out of search's count.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = WaitLimit });
        recorder.Start();

        await page.EvaluateAsync(Arm);
        await page.FillAsync("#search-input", query, new PageFillOptions { Timeout = WaitLimit });
        try
        {
            await page.WaitForFunctionAsync("() => window.__bench.end !== null", null, new PageWaitForFunctionOptions { Timeout = WaitLimit, PollingInterval = 20 });
        }
        catch (TimeoutException)
        {
            var status = await page.TextContentAsync("#search-status");
            throw new InvalidOperationException($"No results and no 'No results' for '{query}' at {start}; status: '{status}'.");
        }

        if (await page.EvaluateAsync<string?>("() => window.__bench.failure") is { } failure)
        {
            throw new InvalidOperationException($"Search failed for '{query}' at {start}: {failure}");
        }

        var milliseconds = await page.EvaluateAsync<double>("() => window.__bench.end - window.__bench.start");

        var timed = await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').filter(e => e.startTime >= window.__bench.since).map(e => e.name)");
        return new FirstQuery(query, RequestedFiles.Of(recorder.Stop(timed), output, siteRoot), milliseconds);
    }
}
