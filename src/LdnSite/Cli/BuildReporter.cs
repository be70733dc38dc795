namespace LdnSite.Cli;

using System.Globalization;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Pipelines;
using LdnSite.Diagnostics;

/// <summary>Prints diagnostics in the MSBuild format editors and CI understand, then one summary line.</summary>
public static class BuildReporter
{
    /// <summary>Prints the result; returns the process exit code (0 on success).</summary>
    public static int Report(BuildResult result, SiteSettings settings, string outputFolder, TextWriter output, TextWriter errors)
    {
        var annotate = DiagnosticText.InGitHubActions;
        foreach (var diagnostic in result.Diagnostics.Select(d => DiagnosticText.ForUser(d, settings.InputFolder)))
        {
            var writer = diagnostic.Severity == Severity.Error ? errors : output;
            writer.WriteLine(diagnostic.ToString());
            if (annotate)
            {
                output.WriteLine(DiagnosticText.GitHubAnnotation(diagnostic));
            }
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
