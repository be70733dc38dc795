namespace LdnSite.Tests.Safety;

using LdnSite.Cli;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Pipelines;

/// <summary>A build with thousands of diagnostics prints a readable report, not megabytes.</summary>
public sealed class DiagnosticFloodTests
{
    private static (string Output, string Errors, int ExitCode) Report(int shownPerCode)
    {
        using var site = new HostileSite();
        var diagnostics = Enumerable.Range(1, 5_000).Select(i => Diagnostic.Warning("page.md", i, 1, "LDN034", "This paragraph cites no source."))
            .Concat(Enumerable.Range(1, 3).Select(i => Diagnostic.Error("page.md", i, 1, "LDN025", "The link points to a page that does not exist.")))
            .ToList();
        var result = new BuildResult(diagnostics, new Dictionary<string, IReadOnlyList<LdnSite.Engine.Documents.Document>>(), TimeSpan.Zero, 0);
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = BuildReporter.Report(result, site.Settings, site["output"], output, errors, shownPerCode);
        return (output.ToString(), errors.ToString(), exitCode);
    }

    private static int Lines(string text, string part) => text.Split('\n').Count(l => l.Contains(part, StringComparison.Ordinal));

    [Fact]
    public void Each_code_prints_its_first_twenty_and_a_count_of_the_rest()
    {
        var (output, errors, exitCode) = Report(BuildReporter.ShownPerCode);
        Assert.Equal(1, exitCode);
        Assert.Equal(20, Lines(output, "warning LDN034"));
        Assert.Contains("LDN034: 4,980 more warning(s) not shown (5,000 in all); --all-diagnostics lists them.", output);
        // Fewer than the limit: all of them, and no count line.
        Assert.Equal(3, Lines(errors, "error LDN025"));
        Assert.DoesNotContain("not shown", errors);
    }

    [Fact]
    public void All_diagnostics_prints_every_one()
    {
        var (output, _, _) = Report(int.MaxValue);
        Assert.Equal(5_000, Lines(output, "warning LDN034"));
        Assert.DoesNotContain("not shown", output);
    }
}
