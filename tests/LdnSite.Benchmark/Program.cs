// LdnSite benchmark: generates a knowledge base of N pages and measures, on this machine in one run,
// LdnSite's cold full build (the native program, as shipped) beside two Hugo baselines (comparable layouts
// and content-only layouts), timed in interleaved runs; a one-page rebuild under serve; peak memory;
// output sizes; and at every page count search in Chromium over HTTP and from file://, beside the
// anchor Pagefind (npm, pinned in pagefind/package-lock.json) indexing the same output, over HTTP.
// Usage: dotnet run -c Release --project tests/LdnSite.Benchmark [-- --pages 1000,10000 --runs 3 --skip-hugo --skip-search --skip-pagefind]
using System.Globalization;
using System.Text.RegularExpressions;
using LdnSite.Benchmark;

var pageCounts = Argument("--pages", "1000,10000").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
var runs = int.Parse(Argument("--runs", "3"), CultureInfo.InvariantCulture);
var skipHugo = args.Contains("--skip-hugo");
var skipSearch = args.Contains("--skip-search");
var skipPagefind = args.Contains("--skip-pagefind");
var root = FindRoot();
var work = Path.Combine(root, "benchmark-work");
var theme = Path.Combine(root, "theme");
Directory.CreateDirectory(work);

Console.WriteLine("Publishing ldnsite (Release, native: Native AOT) …");
var bin = Path.Combine(work, "bin");
ProcessMeasure.Run("dotnet", "publish", Path.Combine(root, "src", "LdnSite"), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", bin, "--nologo", "-v", "q");
var ldnsite = Path.Combine(bin, "ldnsite");
var hugo = skipHugo ? null : File.Exists("/usr/bin/hugo") ? "/usr/bin/hugo" : null;
if (hugo is null && !skipHugo)
{
    Console.WriteLine("Hugo not found: install Debian's 'hugo' package for the side-by-side ratio.");
}

// Installed (npm ci) before any timing, so the install never overlaps a measure.
var pagefind = skipSearch || skipPagefind ? null : PagefindAnchor.Install(root);

var buildRows = new List<BuildRow>();
var searchReports = new List<SearchReport>();
foreach (var pages in pageCounts)
{
    var folder = Path.Combine(work, pages.ToString(CultureInfo.InvariantCulture));
    var input = Path.Combine(folder, "input");
    Console.WriteLine($"Generating {pages:N0} pages …");
    CorpusGenerator.Generate(input, pages, Path.Combine(root, "input", "_data"));
    var inputBytes = Directory.EnumerateFiles(input, "*.md", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    var output = Path.Combine(folder, "output");
    var builds = new List<Func<Measurement>> { () => ProcessMeasure.Run(ldnsite, "build", "--input", input, "--theme", theme, "--output", output) };
    var baselines = hugo is null ? [] : new[] { HugoBaseline.Comparable, HugoBaseline.ContentOnly };
    foreach (var baseline in baselines)
    {
        var site = Path.Combine(folder, baseline.Folder);
        HugoSite.Create(input, site, baseline);
        builds.Add(() => ProcessMeasure.Run(hugo!, "--source", site, "--destination", site + "-out", "--quiet", "--cleanDestinationDir"));
    }

    Console.WriteLine($"Timing {runs} cold builds each of LdnSite{(hugo is null ? "" : " and both Hugo baselines")} at {pages:N0} pages …");
    var measured = InterleavedRuns.Run(runs, builds);
    var ours = measured[0];
    var reportedPeak = ours.Max(m => double.Parse(Regex.Match(m.Output, @"peak memory (\d+) MB").Groups[1].Value, CultureInfo.InvariantCulture));
    var hugoResults = baselines.Select((b, i) => new HugoResult(b, measured[i + 1], OutputSize.Of(Path.Combine(folder, b.Folder) + "-out"))).ToList();

    Console.WriteLine($"Timing one-page rebuilds under serve at {pages:N0} pages …");
    var (rebuildMedian, rebuildWorst) = await IncrementalMeasure.RunAsync(input, theme, Path.Combine(folder, "serve-output"), edits: 7);

    buildRows.Add(new BuildRow(pages, inputBytes, ours, Math.Max(reportedPeak, ours.Max(m => m.PeakMegabytes)), OutputSize.Of(output),
        hugoResults.FirstOrDefault(h => h.Baseline == HugoBaseline.Comparable), hugoResults.FirstOrDefault(h => h.Baseline == HugoBaseline.ContentOnly),
        rebuildMedian, rebuildWorst));

    if (!skipSearch)
    {
        Console.WriteLine($"Measuring search at {pages:N0} pages in Chromium (HTTP and file://) …");
        searchReports.Add(await SearchMeasure.RunAsync(output, pages, pagefind));
    }
}

Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; {runs} cold runs of each build, interleaved; times are median (min–max).");
Console.WriteLine("Ratio = LdnSite / Hugo per run pair, median (min–max) over the pairs (target <= 1.0 against Hugo comparable).");
Console.WriteLine();
foreach (var line in ReportTables.Builds(buildRows))
{
    Console.WriteLine(line);
}

if (searchReports.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("Search, first query on a fresh page: every file requested after the load event, sizes from disk, gzip per file;");
    Console.WriteLine("first results = from focusing the search box to the first result (or 'No results') in the page.");
    if (pagefind is not null)
    {
        Console.WriteLine("http (Pagefind) = the anchor, through its API on the same page and server: from importing pagefind.js to the data (title, URL,");
        Console.WriteLine("excerpt) of its top 8 results; query times likewise include that data. Its index files are stored compressed, so raw ≈ gzip.");
    }

    Console.WriteLine();
    foreach (var line in ReportTables.FirstQueries(searchReports))
    {
        Console.WriteLine(line);
    }

    Console.WriteLine();
    Console.WriteLine("Search files (every .js whose path mentions search: engine and index) and query times once loaded (targets: p95 < 30 ms):");
    foreach (var line in ReportTables.SearchSummaries(searchReports))
    {
        Console.WriteLine(line);
    }
}

string Argument(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

static string FindRoot()
{
    for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "LdnSite.sln")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException("Run the benchmark from inside the repository.");
}
