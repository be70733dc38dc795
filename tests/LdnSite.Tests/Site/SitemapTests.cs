namespace LdnSite.Tests.Site;

using System.Xml.Linq;
using LdnSite.Tests.Snapshots;

public sealed class SitemapTests(RealSiteFixture site) : IClassFixture<RealSiteFixture>
{
    [Fact]
    public void Sitemap_lists_every_page_but_search_with_absolute_urls_and_review_dates()
    {
        var xml = XDocument.Load(Path.Combine(site.Output, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = xml.Descendants(ns + "url").Select(u => (u.Element(ns + "loc")!.Value, u.Element(ns + "lastmod")?.Value)).ToList();
        Assert.Contains(("https://ldn.example.org/", "2026-12-07"), urls);
        Assert.Contains(("https://ldn.example.org/safety/", "2026-12-07"), urls);
        Assert.Contains(("https://ldn.example.org/future/", "2026-11-26"), urls);
        Assert.Contains(("https://ldn.example.org/glossary/", null), urls);
        Assert.DoesNotContain(urls, u => u.Item1.Contains("/search/", StringComparison.Ordinal));
        // Every page but search and the not-found page: adding a page needs no change here.
        var pages = Directory.EnumerateFiles(Support.RepositoryPaths.Input, "*.md", SearchOption.AllDirectories).Count(f => !File.ReadAllText(f).Contains("layout: search", StringComparison.Ordinal) && !File.ReadAllText(f).Contains("layout: not_found", StringComparison.Ordinal));
        Assert.Equal(pages, urls.Count);
        Assert.Contains("Sitemap: https://ldn.example.org/sitemap.xml", File.ReadAllText(Path.Combine(site.Output, "robots.txt")));
    }
}
