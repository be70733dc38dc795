namespace LdnSite.Tests.Browser;

using System.Text.Json;
using LdnSite.Tests.Support;

/// <summary>Every page of the real site checked by axe-core (from npm, pinned in theme/package.json) in Chromium.</summary>
[Collection("browser")]
[Trait("Category", "Slow")]
public sealed class AccessibilityTests(BrowserFixture browser, ServedSiteFixture site)
{
    private static readonly string AxeScript = Path.Combine(RepositoryPaths.Theme, "node_modules", "axe-core", "axe.min.js");

    public static TheoryData<string> Pages => new(
        Directory.EnumerateFiles(RepositoryPaths.Input, "*.md")
            .Select(f => Urls.SitePaths.DestinationOf(Path.GetFileName(f)).Replace("index.html", ""))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_accessibility_violations_in_light_and_dark(string path)
    {
        var watched = await browser.NewPageAsync(bypassCsp: true);
        var page = watched.Page;
        foreach (var scheme in new[] { Microsoft.Playwright.ColorScheme.Light, Microsoft.Playwright.ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.GotoAsync(site.Address + path);
            await page.AddScriptTagAsync(new() { Path = AxeScript });
            var json = await page.EvaluateAsync<JsonElement>("""
                async () => {
                  const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
                  return result.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ') + ')');
                }
                """);
            var violations = json.EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.True(violations.Count == 0, $"{path} ({scheme}):\n" + string.Join("\n", violations));
        }

        Assert.Empty(watched.Errors);
    }
}
