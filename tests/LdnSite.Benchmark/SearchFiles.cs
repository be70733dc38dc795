namespace LdnSite.Benchmark;

/// <summary>
/// Everything search can load, against the site's text: the index may be one file or many
/// chunks, so every script whose path mentions search counts (the engine, the index, chunks).
/// </summary>
/// <param name="Files">How many search scripts.</param>
/// <param name="RawBytes">Their total size on disk.</param>
/// <param name="GzipBytes">Their total size, each gzipped on its own.</param>
/// <param name="SiteHtmlGzipBytes">Every HTML page of the site, each gzipped on its own.</param>
public sealed record SearchFiles(int Files, long RawBytes, long GzipBytes, long SiteHtmlGzipBytes)
{
    /// <summary>Measures the built site in <paramref name="output"/>.</summary>
    public static SearchFiles Of(string output)
    {
        var scripts = Directory.EnumerateFiles(output, "*.js", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(output, f).Contains("search", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var html = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).Sum(Gzip.SizeOfFile);
        return new SearchFiles(scripts.Count, scripts.Sum(f => new FileInfo(f).Length), scripts.Sum(Gzip.SizeOfFile), html);
    }
}
