// LdnSite benchmark: generates a knowledge base of N pages and times, on this machine in one run,
// LdnSite's cold full build (ReadyToRun, as shipped), a one-page rebuild under serve, peak
// memory, and Hugo on the same pages; at 1,000 pages also search index size and query times.
// Usage: dotnet run -c Release --project tests/LdnSite.Benchmark [-- --pages 1000,10000]
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LdnSite.Benchmark;

var pageCounts = Argument("--pages", "1000,10000").Split(',').Select(int.Parse).ToList();
var runs = int.Parse(Argument("--runs", "3"), CultureInfo.InvariantCulture);
var root = FindRoot();
var work = Path.Combine(root, "benchmark-work");
var theme = Path.Combine(root, "theme");
Directory.CreateDirectory(work);

Console.WriteLine("Publishing ldnsite (Release, ReadyToRun) …");
var bin = Path.Combine(work, "bin");
ProcessMeasure.Run("dotnet", "publish", Path.Combine(root, "src", "LdnSite"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", bin, "--nologo", "-v", "q");
var ldnsite = Path.Combine(bin, "ldnsite");
var hugo = File.Exists("/usr/bin/hugo") ? "/usr/bin/hugo" : null;
if (hugo is null)
{
    Console.WriteLine("Hugo not found: install Debian's 'hugo' package for the side-by-side ratio.");
}

var rows = new List<string>();
foreach (var pages in pageCounts)
{
    var folder = Path.Combine(work, pages.ToString(CultureInfo.InvariantCulture));
    var input = Path.Combine(folder, "input");
    Console.WriteLine($"Generating {pages:N0} pages …");
    CorpusGenerator.Generate(input, pages, Path.Combine(root, "input", "_data"));
    var inputBytes = Directory.EnumerateFiles(input, "*.md", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    var output = Path.Combine(folder, "output");
    var ours = Enumerable.Range(0, runs).Select(_ => ProcessMeasure.Run(ldnsite, "build", "--input", input, "--theme", theme, "--output", output)).ToList();
    var reportedPeak = ours.Max(m => double.Parse(Regex.Match(m.Output, @"peak memory (\d+) MB").Groups[1].Value, CultureInfo.InvariantCulture));
    var oursTime = Median(ours.Select(m => m.Seconds));
    var oursPeak = Math.Max(reportedPeak, ours.Max(m => m.PeakMegabytes));

    string hugoTime = "n/a", hugoPeak = "n/a", ratio = "n/a";
    if (hugo is not null)
    {
        var hugoSite = Path.Combine(folder, "hugo");
        HugoSite.Create(input, hugoSite);
        var theirs = Enumerable.Range(0, runs).Select(_ => ProcessMeasure.Run(hugo, "--source", hugoSite, "--destination", Path.Combine(folder, "hugo-out"), "--quiet", "--cleanDestinationDir")).ToList();
        var theirTime = Median(theirs.Select(m => m.Seconds));
        hugoTime = $"{theirTime:0.00} s";
        hugoPeak = $"{theirs.Max(m => m.PeakMegabytes):0} MB";
        ratio = $"{oursTime / theirTime:0.00}";
    }

    Console.WriteLine($"Timing one-page rebuilds under serve at {pages:N0} pages …");
    var (incrementalMedian, incrementalWorst) = await IncrementalMeasure.RunAsync(input, theme, Path.Combine(folder, "serve-output"), edits: 7);

    rows.Add($"| {pages,6:N0} | {inputBytes / 1024.0 / 1024.0,6:0.0} MB | {oursTime,6:0.00} s | {hugoTime,8} | {ratio,5} | {incrementalMedian,5:0} ms (worst {incrementalWorst:0}) | {oursPeak,5:0} MB | {hugoPeak,7} |");

    if (pages == pageCounts.Min())
    {
        Console.WriteLine($"Measuring search at {pages:N0} pages in Chromium …");
        var search = await SearchMeasure.RunAsync(output);
        Console.WriteLine();
        Console.WriteLine($"Search at {pages:N0} pages: index {search.IndexBytes / 1024.0:0} KB raw, {search.IndexGzipBytes / 1024.0:0} KB gzipped = "
            + $"{100.0 * search.IndexGzipBytes / search.SiteHtmlGzipBytes:0.0}% of the site's gzipped HTML ({search.SiteHtmlGzipBytes / 1024.0:0} KB); "
            + $"index load {search.IndexLoadMs:0} ms; query p50 {search.QueryP50:0.00} ms, p95 {search.QueryP95:0.00} ms (targets: < 40%, p95 < 30 ms)");
    }
}

Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; median of {runs} cold runs; ratio = LdnSite / Hugo (target <= 1.0).");
Console.WriteLine("|  pages |  input   | LdnSite  |   Hugo   | ratio | one-page rebuild (serve)  | LdnSite peak | Hugo peak |");
Console.WriteLine("| -----: | -------: | -------: | -------: | ----: | ------------------------: | -----------: | --------: |");
rows.ForEach(Console.WriteLine);

string Argument(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
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
