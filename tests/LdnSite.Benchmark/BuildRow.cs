namespace LdnSite.Benchmark;

/// <summary>One Hugo baseline's runs at one page count.</summary>
/// <param name="Baseline">Which layouts.</param>
/// <param name="Runs">In run order, interleaved with LdnSite's, so run i of each is a pair.</param>
/// <param name="Output">What the last run wrote.</param>
public sealed record HugoResult(HugoBaseline Baseline, IReadOnlyList<Measurement> Runs, OutputSize Output);

/// <summary>Everything measured about builds at one page count.</summary>
/// <param name="Pages">Page count.</param>
/// <param name="InputBytes">Size of the Markdown.</param>
/// <param name="LdnSite">LdnSite's cold builds, in run order.</param>
/// <param name="LdnSitePeakMegabytes">Highest of LdnSite's own report and /proc's high-water mark.</param>
/// <param name="LdnSiteOutput">What the last build wrote.</param>
/// <param name="Comparable">Hugo with comparable layouts, unless Hugo was skipped.</param>
/// <param name="ContentOnly">Hugo with content-only layouts, unless Hugo was skipped.</param>
/// <param name="RebuildMedianMs">Median one-page rebuild under serve.</param>
/// <param name="RebuildWorstMs">Slowest one-page rebuild under serve.</param>
public sealed record BuildRow(
    int Pages,
    long InputBytes,
    IReadOnlyList<Measurement> LdnSite,
    double LdnSitePeakMegabytes,
    OutputSize LdnSiteOutput,
    HugoResult? Comparable,
    HugoResult? ContentOnly,
    double RebuildMedianMs,
    double RebuildWorstMs);
