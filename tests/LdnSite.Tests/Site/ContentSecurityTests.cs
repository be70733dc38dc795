namespace LdnSite.Tests.Site;

using AngleSharp.Html.Parser;
using LdnSite.Tests.Snapshots;

/// <summary>The output must allow a strict Content-Security-Policy (no inline code) and load nothing from other sites.</summary>
public sealed class ContentSecurityTests(RealSiteFixture site) : IClassFixture<RealSiteFixture>
{
    [Fact]
    public void No_page_has_inline_scripts_or_styles_or_loads_anything_from_another_origin()
    {
        var parser = new HtmlParser();
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = parser.ParseDocument(File.ReadAllText(file));
            var name = Path.GetRelativePath(site.Output, file);
            problems.AddRange(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])").Select(_ => $"{name}: inline script"));
            problems.AddRange(page.QuerySelectorAll("style, [style]").Select(e => $"{name}: inline style on <{e.LocalName}>"));
            problems.AddRange(page.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal))).Select(e => $"{name}: event handler attribute on <{e.LocalName}>"));
            problems.AddRange(page.QuerySelectorAll("script[src], link[href], img[src]")
                .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
                .Where(url => url.Contains("//", StringComparison.Ordinal) && !url.StartsWith("https://ldn.example.org/", StringComparison.Ordinal))
                .Select(url => $"{name}: loads {url}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
