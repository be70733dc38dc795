namespace LdnSite.Tests.Site;

using AngleSharp.Html.Parser;
using LdnSite.Tests.Snapshots;

/// <summary>Reads the real site's output as a reader's browser would.</summary>
public sealed class NavigationTests(RealSiteFixture site) : IClassFixture<RealSiteFixture>
{
    private static readonly string[] Sections = ["overview", "mechanism", "safety", "challenges", "faq"];

    [Fact]
    public void Every_page_links_to_the_five_core_sections_from_its_navigation()
    {
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            var folder = Path.GetDirectoryName(file)!;
            var targets = document.QuerySelectorAll("nav[aria-label=Main] a")
                // The not-found page links from the site root, since it is served at any path.
                .Select(a => a.GetAttribute("href")!)
                .Select(href => Path.GetFullPath(href.StartsWith('/') ? Path.Combine(site.Output, href.TrimStart('/'), "index.html") : Path.Combine(folder, href, "index.html")))
                .ToHashSet();
            foreach (var section in Sections)
            {
                Assert.Contains(Path.Combine(site.Output, section, "index.html"), targets);
            }
        }
    }

    [Fact]
    public void Previous_and_next_links_follow_navigation_order()
    {
        var parser = new HtmlParser();
        var mechanism = parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, "mechanism", "index.html")));
        Assert.Equal("../overview/", mechanism.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("../safety/", mechanism.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public void Every_page_shows_the_not_medical_advice_notice()
    {
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            Assert.Contains("It is not medical advice", File.ReadAllText(file));
        }
    }
}
