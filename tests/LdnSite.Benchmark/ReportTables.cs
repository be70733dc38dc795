namespace LdnSite.Benchmark;

using System.Globalization;

/// <summary>The Markdown tables the benchmark prints, one row per page count (and per query for search).</summary>
public static class ReportTables
{
    /// <summary>Builds: times with their spread, ratios, rebuilds, memory and output sizes.</summary>
    public static IEnumerable<string> Builds(IReadOnlyList<BuildRow> rows)
    {
        yield return "| pages | input | LdnSite build | Hugo comparable | ratio | Hugo content-only | ratio | one-page rebuild (serve) | LdnSite peak | Hugo peak (comparable / content-only) | output: LdnSite / Hugo content-only / Hugo comparable |";
        yield return "| ----: | ----: | ------------: | --------------: | ----: | ----------------: | ----: | -----------------------: | -----------: | ------------------------------------: | :---------------------------------------------------- |";
        foreach (var row in rows)
        {
            var ours = Spread.Of(row.LdnSite.Select(m => m.Seconds)).Format("0.00", "s");
            var hugoPeak = row.Comparable is null || row.ContentOnly is null ? "n/a" : $"{Peak(row.Comparable)} / {Peak(row.ContentOnly)} MB";
            yield return string.Create(CultureInfo.InvariantCulture, $"| {row.Pages:N0} | {row.InputBytes / 1024.0 / 1024.0:0.0} MB | {ours} | {Time(row.Comparable)} | {Ratio(row, row.Comparable)} "
                + $"| {Time(row.ContentOnly)} | {Ratio(row, row.ContentOnly)} | {row.RebuildMedianMs:0} ms (worst {row.RebuildWorstMs:0}) "
                + $"| {row.LdnSitePeakMegabytes:0} MB | {hugoPeak} | {row.LdnSiteOutput} / {row.ContentOnly?.Output.ToString() ?? "n/a"} / {row.Comparable?.Output.ToString() ?? "n/a"} |");
        }
    }

    /// <summary>Search: one row per page count, transport and first query.</summary>
    public static IEnumerable<string> FirstQueries(IReadOnlyList<SearchReport> reports)
    {
        yield return "| pages | transport | query | requests | raw KB | gzip KB | first results |";
        yield return "| ----: | :-------- | :---- | -------: | -----: | ------: | ------------: |";
        foreach (var report in reports)
        {
            foreach (var transport in report.Transports)
            {
                foreach (var first in transport.FirstQueries)
                {
                    var query = first.Results is { } results ? string.Create(CultureInfo.InvariantCulture, $"{first.Query} ({results:N0} result{(results == 1 ? "" : "s")})") : first.Query;
                    yield return string.Create(CultureInfo.InvariantCulture, $"| {report.Pages:N0} | {transport.Transport} | {query} | {first.Fetched.Requests} | {first.Fetched.RawBytes / 1024.0:N0} "
                        + $"| {first.Fetched.GzipBytes / 1024.0:N0} | {first.FirstResultsMs:N0} ms |");
                }
            }
        }
    }

    /// <summary>Search: sizes and query times after loading, one line per page count.</summary>
    public static IEnumerable<string> SearchSummaries(IReadOnlyList<SearchReport> reports)
    {
        foreach (var report in reports)
        {
            var files = report.Files;
            var latency = string.Join("; ", report.Transports.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Transport}: query p50 {t.Latency.P50:0.00} ms, p95 {t.Latency.P95:0.00} ms over {t.Latency.Count} queries")));
            yield return string.Create(CultureInfo.InvariantCulture, $"- {report.Pages:N0} pages: all search files ({files.Files}) {files.RawBytes / 1024.0:N0} KB raw, {files.GzipBytes / 1024.0:N0} KB gzipped = "
                + $"{100.0 * files.GzipBytes / files.SiteHtmlGzipBytes:0.0}% of the site's gzipped HTML ({files.SiteHtmlGzipBytes / 1024.0:N0} KB); {latency}.");
            if (report.Pagefind is { } pagefind)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"- {report.Pages:N0} pages, anchor {pagefind.Version}: indexing LdnSite's output took {pagefind.Seconds:0.00} s (peak {pagefind.PeakMegabytes:0} MB) "
                    + $"after the build, {pagefind.Pages:N0} pages ({(pagefind.WholeBody ? "whole <body>, no data-pagefind-body" : "data-pagefind-body")}); "
                    + $"bundle ({pagefind.Files:N0} files, its UI scripts too) {pagefind.RawBytes / 1024.0:N0} KB raw, {pagefind.GzipBytes / 1024.0:N0} KB gzipped.");
            }
        }
    }

    private static string Time(HugoResult? hugo) => hugo is null ? "n/a" : Spread.Of(hugo.Runs.Select(m => m.Seconds)).Format("0.00", "s");

    // The ratio of each run's pair (LdnSite run i / Hugo run i, timed back to back), then the
    // median and range of those ratios: a slow moment of the machine then hits both sides of a pair.
    private static string Ratio(BuildRow row, HugoResult? hugo) =>
        hugo is null ? "n/a" : Spread.Of(row.LdnSite.Zip(hugo.Runs, (ours, theirs) => ours.Seconds / theirs.Seconds)).Format("0.00");

    private static string Peak(HugoResult hugo) => hugo.Runs.Max(m => m.PeakMegabytes).ToString("0", CultureInfo.InvariantCulture);
}
