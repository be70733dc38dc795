namespace LdnSite.Tests.Publishing;

using System.Text.Json;
using LdnSite.Diagnostics;
using LdnSite.Engine.Diagnostics;
using LdnSite.Tests.Safety;
using LdnSite.Tests.Support;

/// <summary><c>build --sarif FILE</c>: every diagnostic as SARIF 2.1.0, for GitHub code scanning.</summary>
public sealed class SarifTests
{
    private const string Uncited = "LDN is taken at night by many people.\n";

    [Fact]
    public async Task Build_writes_a_sarif_log_with_the_rule_and_the_warning_at_its_line()
    {
        using var site = new HostileSite();
        site.Write("input/sleep.md", TestSites.Page("Sleep", Uncited));
        var sarif = site["reports/build.sarif"];

        var (exitCode, diagnostics) = await site.BuildAsync(null, "--sarif", sarif);

        Assert.Equal(0, exitCode);
        Assert.Contains(diagnostics, d => d.Code == "LDN034");
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var root = log.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifLog.Schema, root.GetProperty("$schema").GetString());
        var run = root.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("LdnSite", driver.GetProperty("name").GetString());
        var rule = driver.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "LDN034");
        Assert.Contains("cites no source", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Contains("[@key]", rule.GetProperty("help").GetProperty("text").GetString());

        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "LDN034");
        Assert.Equal("warning", result.GetProperty("level").GetString());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        // The temporary site lies outside the repository: an absolute file address.
        Assert.EndsWith("/input/sleep.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(diagnostics.First(d => d.Code == "LDN034").Line, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Paths_are_relative_to_the_repository_root_and_nothing_is_left_out()
    {
        var diagnostics = Enumerable.Range(1, 500).Select(i => Diagnostic.Warning("safety.md", i, 3, "LDN034", "This paragraph cites no source."))
            .Append(Diagnostic.Error("conditions/crohns.md", 0, 0, "LDN025", "The link points to a page that does not exist."))
            .Append(Diagnostic.Error("--base-url", 0, 0, "LDN104", "Not an address."))
            .ToList();

        var log = SarifLog.Create(diagnostics, "/repo/input", "/repo");

        var results = log["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(502, results.Count);
        var first = results[0]!;
        Assert.Equal("input/safety.md", (string?)first["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal("SRCROOT", (string?)first["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uriBaseId"]);
        Assert.Equal(3, (int)first["locations"]![0]!["physicalLocation"]!["region"]!["startColumn"]!);
        // A whole-file error has no region; an option's error has no location at all.
        var missing = results[500]!;
        Assert.Equal("error", (string?)missing["level"]);
        Assert.Equal("input/conditions/crohns.md", (string?)missing["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Null(missing["locations"]![0]!["physicalLocation"]!["region"]);
        Assert.Null(results[501]!["locations"]);
    }
}
