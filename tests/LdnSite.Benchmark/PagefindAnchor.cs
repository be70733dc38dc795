namespace LdnSite.Benchmark;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>The Pagefind program the benchmark runs.</summary>
/// <param name="Binary">The native binary (or, failing that, npm's wrapper script).</param>
/// <param name="Version">What it says with <c>--version</c>, so the report names the version that ran.</param>
public sealed record PagefindTool(string Binary, string Version);

/// <summary>Pagefind's index of one built site.</summary>
/// <param name="Version">Pagefind's version.</param>
/// <param name="Seconds">Wall time of the indexing run, an extra step after LdnSite's build.</param>
/// <param name="PeakMegabytes">Its peak resident memory.</param>
/// <param name="Pages">Pages Pagefind says it indexed.</param>
/// <param name="WholeBody">True when Pagefind found no <c>data-pagefind-body</c> and indexed each page's whole <c>&lt;body&gt;</c>.</param>
/// <param name="Files">Files of its bundle, all of them (its UI scripts too, which the measure does not load).</param>
/// <param name="RawBytes">Their total size on disk.</param>
/// <param name="GzipBytes">Their total size, each gzipped on its own.</param>
public sealed record PagefindIndex(string Version, double Seconds, double PeakMegabytes, int Pages, bool WholeBody, int Files, long RawBytes, long GzipBytes);

/// <summary>
/// Pagefind, the anchor LdnSite's search is measured against: a full-text search whose index is
/// split into chunks loaded on demand. It is installed from npm with its own lockfile in
/// <c>tests/LdnSite.Benchmark/pagefind/</c>, apart from the theme's front-end packages, and
/// indexes LdnSite's own output of the same pages, so both searches cover identical pages.
/// </summary>
public static class PagefindAnchor
{
    /// <summary>The bundle's folder inside the site, so the same static server serves it.</summary>
    public const string Subfolder = "pagefind-anchor";

    /// <summary>Finds Pagefind under <paramref name="root"/> (the repository), running <c>npm ci</c> first when it is not installed.</summary>
    public static PagefindTool Install(string root)
    {
        var folder = Path.Combine(root, "tests", "LdnSite.Benchmark", "pagefind");
        if (BinaryIn(folder) is not { } binary)
        {
            Console.WriteLine("Installing Pagefind from its lockfile (npm ci) …");
            ProcessMeasure.Run("npm", "ci", "--prefix", folder, "--no-audit", "--no-fund");
            binary = BinaryIn(folder) ?? throw new InvalidOperationException($"npm ci in {folder} installed no Pagefind binary for this platform.");
        }

        return new PagefindTool(binary, ProcessMeasure.Run(binary, "--version").Output.Trim());
    }

    /// <summary>Indexes the site in <paramref name="output"/> into its <see cref="Subfolder"/> and measures the run and the bundle.</summary>
    public static PagefindIndex Index(PagefindTool tool, string output)
    {
        // A bundle left by an interrupted run would be counted with the new one.
        Remove(output);
        // No data-pagefind-body in LdnSite's layouts (they have <main> and <article>, and the site is
        // not changed for its competitor): Pagefind then indexes each page's whole <body>, with its
        // own default exclusions. The output's own check below says which it did.
        var run = ProcessMeasure.Run(tool.Binary, "--site", output, "--output-subdir", Subfolder);
        var pages = Regex.Match(run.Output, @"Indexed (\d+) pages?");
        var files = Directory.EnumerateFiles(Path.Combine(output, Subfolder), "*", SearchOption.AllDirectories).ToList();
        return new PagefindIndex(tool.Version, run.Seconds, run.PeakMegabytes,
            pages.Success ? int.Parse(pages.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            run.Output.Contains("Indexing all <body> elements", StringComparison.Ordinal),
            files.Count, files.Sum(f => new FileInfo(f).Length), files.Sum(Gzip.SizeOfFile));
    }

    /// <summary>
    /// Deletes the bundle from <paramref name="output"/> once measured: LdnSite's next build would
    /// otherwise delete thousands of stale files and count that in its time, and output sizes
    /// are LdnSite's alone.
    /// </summary>
    public static void Remove(string output)
    {
        var bundle = Path.Combine(output, Subfolder);
        if (Directory.Exists(bundle))
        {
            Directory.Delete(bundle, recursive: true);
        }
    }

    // npm installs only the platform package that fits (@pagefind/linux-x64 here); its native
    // binary is run directly, so Node's start-up is not in the indexing time. npm's wrapper
    // script, which starts the same binary, is the fallback.
    private static string? BinaryIn(string folder)
    {
        var platforms = Path.Combine(folder, "node_modules", "@pagefind");
        if (Directory.Exists(platforms))
        {
            foreach (var name in new[] { "pagefind_extended", "pagefind" })
            {
                var found = Directory.EnumerateDirectories(platforms).Select(p => Path.Combine(p, "bin", name)).FirstOrDefault(File.Exists);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        var wrapper = Path.Combine(folder, "node_modules", ".bin", "pagefind");
        return File.Exists(wrapper) ? wrapper : null;
    }
}
