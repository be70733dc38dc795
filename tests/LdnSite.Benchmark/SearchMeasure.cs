namespace LdnSite.Benchmark;

using Microsoft.Playwright;

/// <summary>Search over one transport: first queries, each on a fresh page, and query times once loaded.</summary>
/// <param name="Transport"><c>http</c> or <c>file</c>.</param>
/// <param name="FirstQueries">One per query of <see cref="SearchQueries.First"/>.</param>
/// <param name="Latency">Times of <see cref="SearchQueries.Typed"/> in the page of the first query.</param>
public sealed record TransportSearch(string Transport, IReadOnlyList<FirstQuery> FirstQueries, QueryLatency Latency);

/// <summary>Search at one page count.</summary>
/// <param name="Pages">Page count.</param>
/// <param name="Files">Every search file and the site's HTML, for scale.</param>
/// <param name="Transports">Over HTTP, then from file://, then Pagefind's over HTTP unless skipped.</param>
/// <param name="Pagefind">Pagefind's index of the same output, unless skipped.</param>
public sealed record SearchReport(int Pages, SearchFiles Files, IReadOnlyList<TransportSearch> Transports, PagefindIndex? Pagefind);

/// <summary>
/// Measures search in Chromium through the site's real search box, served by a plain HTTP
/// server and opened from file://, the two ways the site is read; then Pagefind's search of the
/// same pages, as an anchor, on the same server.
/// </summary>
public static class SearchMeasure
{
    /// <summary>Measures the site built in <paramref name="output"/> from <paramref name="pages"/> pages, and Pagefind's search of it unless <paramref name="pagefind"/> is null.</summary>
    public static async Task<SearchReport> RunAsync(string output, int pages, PagefindTool? pagefind)
    {
        var files = SearchFiles.Of(output);
        await using var server = await StaticServer.StartAsync(output);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var folder = new Uri(Path.GetFullPath(output) + Path.DirectorySeparatorChar);
        List<TransportSearch> transports =
        [
            await MeasureAsync(browser, "http", server.Address, server.Address, output, pages),
            await MeasureAsync(browser, "file", new Uri(folder, "index.html"), folder, output, pages),
        ];
        if (pagefind is null)
        {
            return new SearchReport(pages, files, transports, null);
        }

        // After LdnSite's own measures, which then see the output exactly as built.
        Console.WriteLine($"Indexing the same {pages:N0} pages with {pagefind.Version} and measuring its search over HTTP …");
        var index = PagefindAnchor.Index(pagefind, output);
        try
        {
            transports.Add(await PagefindQueryMeasure.RunAsync(browser, server.Address, output, pages));
        }
        finally
        {
            PagefindAnchor.Remove(output);
        }

        return new SearchReport(pages, files, transports, index);
    }

    private static async Task<TransportSearch> MeasureAsync(IBrowser browser, string transport, Uri start, Uri siteRoot, string output, int pages)
    {
        var firsts = new List<FirstQuery>();
        QueryLatency? latency = null;
        foreach (var query in SearchQueries.First(pages))
        {
            // A fresh context per query: an empty cache, as for a new reader.
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var first = await FirstQueryMeasure.RunAsync(page, start, siteRoot, output, query);
            firsts.Add(first);
            // What was counted, so a surprising figure can be checked against the files behind it.
            var fetched = first.Fetched.Files.Count > 0 ? string.Join(", ", first.Fetched.Files) : "nothing (neither Playwright nor resource timing saw a request)";
            Console.WriteLine($"  {transport} \"{query}\": {first.FirstResultsMs:0} ms, fetched {fetched}"
                + (first.Fetched.Unmapped.Count > 0 ? $"; not in the output: {string.Join(", ", first.Fetched.Unmapped)}" : ""));
            latency ??= await QueryLatencyMeasure.RunAsync(page);
        }

        return new TransportSearch(transport, firsts, latency!);
    }
}
