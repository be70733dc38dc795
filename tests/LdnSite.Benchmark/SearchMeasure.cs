namespace LdnSite.Benchmark;

using System.IO.Compression;
using Microsoft.Playwright;

/// <summary>Search index size against the site's text, and query times in Chromium from file://.</summary>
public static class SearchMeasure
{
    /// <summary>Sizes in bytes and query times in milliseconds.</summary>
    public sealed record Result(long IndexBytes, long IndexGzipBytes, long SiteHtmlGzipBytes, double QueryP50, double QueryP95, double IndexLoadMs);

    /// <summary>Measures the built site in <paramref name="site"/>.</summary>
    public static async Task<Result> RunAsync(string site)
    {
        var index = Directory.EnumerateFiles(Path.Combine(site, "assets"), "search-index.*.js").Single();
        var indexBytes = new FileInfo(index).Length;
        var indexGzip = Gzip(File.ReadAllBytes(index));
        var siteGzip = Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Sum(f => Gzip(File.ReadAllBytes(f)));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LDNSITE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/lib/chromium/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(site, "index.html")).AbsoluteUri);
        var loadMs = await page.EvaluateAsync<double>("async () => { const t = performance.now(); await window.LdnSearch.ready(); return performance.now() - t; }");
        var times = await page.EvaluateAsync<double[]>("""
            () => {
              const queries = ['cytokine', 'inflamation', 'insomnia', 'dose titration', 'immune balance', 'placebo trial',
                'endorphin', 'receptor', 'qualty', 'sleep dream', 'safety', 'mechanism pathway', 'cohort', 'regulation'];
              const times = [];
              for (let round = 0; round < 15; round++) {
                for (const q of queries) {
                  for (let n = 1; n <= q.length; n++) {   // as the reader types
                    const t = performance.now();
                    window.LdnSearch.query(q.slice(0, n));
                    times.push(performance.now() - t);
                  }
                }
              }
              return times;
            }
            """);
        Array.Sort(times);
        return new Result(indexBytes, indexGzip, siteGzip, times[times.Length / 2], times[(int)(times.Length * 0.95)], loadMs);
    }

    private static long Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.Length;
    }
}
