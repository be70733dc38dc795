namespace LdnSite.Cli;

using System.Globalization;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Pipelines;
using LdnSite.Diagnostics;

/// <summary>
/// Prints diagnostics in the MSBuild format editors and CI understand, each code's first
/// <see cref="ShownPerCode"/> and then a count of the rest, then one summary line.
/// </summary>
public static class BuildReporter
{
    /// <summary>
    /// How many diagnostics of one code are printed (and annotated on GitHub) unless every one is
    /// asked for: 400,000 broken anchors printed 128 MB and as many annotations.
    /// </summary>
    public const int ShownPerCode = 20;

    /// <summary>Prints the result; returns the process exit code (0 on success).</summary>
    /// <param name="shownPerCode">How many of each code to print; <see cref="int.MaxValue"/> for all (--all-diagnostics).</param>
    public static int Report(BuildResult result, SiteSettings settings, string outputFolder, TextWriter output, TextWriter errors, int shownPerCode = ShownPerCode)
    {
        var annotate = DiagnosticText.InGitHubActions;
        var perCode = new Dictionary<(string Code, Severity Severity), int>();
        foreach (var raw in result.Diagnostics)
        {
            var seen = perCode[(raw.Code, raw.Severity)] = perCode.GetValueOrDefault((raw.Code, raw.Severity)) + 1;
            if (seen > shownPerCode)
            {
                continue;
            }

            var diagnostic = DiagnosticText.ForUser(raw, settings.InputFolder);
            var writer = diagnostic.Severity == Severity.Error ? errors : output;
            writer.WriteLine(diagnostic.ToString());
            if (annotate)
            {
                output.WriteLine(DiagnosticText.GitHubAnnotation(diagnostic));
            }
        }

        foreach (var ((code, severity), total) in perCode.Where(c => c.Value > shownPerCode).OrderBy(c => c.Key.Code, StringComparer.Ordinal))
        {
            var kind = severity == Severity.Error ? "error" : "warning";
            (severity == Severity.Error ? errors : output).WriteLine(
                $"{code}: {(total - shownPerCode).ToString("N0", CultureInfo.InvariantCulture)} more {kind}(s) not shown ({total.ToString("N0", CultureInfo.InvariantCulture)} in all); --all-diagnostics lists them.");
        }

        var pages = result.Documents.GetValueOrDefault(SitePipelines.Content)?.Count ?? 0;
        var milliseconds = result.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        if (result.Succeeded)
        {
            var peakMegabytes = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
            output.WriteLine($"Built {pages} pages in {milliseconds} ms, {result.Warnings} warning(s), peak memory {peakMegabytes} MB: {outputFolder}");
            return 0;
        }

        var count = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        errors.WriteLine($"Build failed with {count} error(s) in {milliseconds} ms; the previous output in {outputFolder} was left as it was.");
        return 1;
    }
}
