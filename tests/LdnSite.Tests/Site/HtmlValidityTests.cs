namespace LdnSite.Tests.Site;

using System.Diagnostics;
using System.Text.Json;
using LdnSite.Tests.Support;
using LdnSite.Urls;

/// <summary>
/// Every built page, hosted and offline, passes the Nu Html Checker (vnu, from npm, run on
/// Debian's Java) with no errors.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HtmlValidityTests
{
    private static readonly string Vnu = Path.Combine(RepositoryPaths.Theme, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [Fact]
    public async Task Every_page_hosted_and_offline_has_no_html_errors()
    {
        using var temp = new TempFolder();
        Assert.True((await TestSites.BuildAsync(TestSites.Settings(RepositoryPaths.Input, temp["hosted"]))).Succeeded);
        Assert.True((await TestSites.BuildAsync(TestSites.Settings(RepositoryPaths.Input, temp["offline"]) with { LinkStyle = LinkStyle.File })).Succeeded);
        var pages = Directory.EnumerateFiles(temp.Path, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 30);
        Assert.True(File.Exists(Vnu), $"vnu.jar is missing at {Vnu}; run 'npm ci' in theme/ (building src/LdnSite does).");

        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-jar", Vnu, "--format", "json", "--errors-only" }.Concat(pages))
        {
            start.ArgumentList.Add(argument);
        }

        Process java;
        try
        {
            java = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("The HTML check needs Java: 'apt-get install default-jre-headless' (dotnet test does so as root on Debian).");
        }

        using (java)
        {
            var output = java.StandardOutput.ReadToEndAsync();
            var report = await java.StandardError.ReadToEndAsync();
            await java.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            await output;
            var messages = JsonDocument.Parse(report).RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error")
                .Select(m => $"{Path.GetRelativePath(temp.Path, new Uri(m.GetProperty("url").GetString()!).LocalPath)}:{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
                .ToList();
            Assert.True(messages.Count == 0, $"{messages.Count} HTML errors:\n" + string.Join("\n", messages.Take(40)));
        }
    }
}
