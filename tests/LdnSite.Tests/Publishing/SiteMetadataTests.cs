namespace LdnSite.Tests.Publishing;

using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using LdnSite.Tests.Snapshots;

/// <summary>Feed, sitemap, structured data and link-preview metadata of the real site, read with real parsers.</summary>
public sealed class SiteMetadataTests(RealSiteFixture site) : IClassFixture<RealSiteFixture>
{
    [Fact]
    public void The_atom_feed_parses_and_lists_reviewed_pages_newest_first()
    {
        using var reader = XmlReader.Create(Path.Combine(site.Output, "feed.xml"));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal("LDN Knowledge Base: page reviews and changes", feed.Title.Text);
        var items = feed.Items.ToList();
        Assert.True(items.Count >= 10);
        Assert.All(items, i => Assert.StartsWith("https://ldn.example.org/", i.Links[0].Uri.AbsoluteUri));
        Assert.Equal(items.Select(i => i.LastUpdatedTime).OrderDescending(), items.Select(i => i.LastUpdatedTime));
        Assert.Contains(items, i => i.Id == "https://ldn.example.org/safety/" && i.LastUpdatedTime == new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Every_page_links_the_feed_and_has_a_complete_link_preview()
    {
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = parser.ParseDocument(File.ReadAllText(file));
            Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/atom+xml'][href$='feed.xml']"));
            Assert.Equal("LDN Knowledge Base", page.QuerySelector("meta[property='og:site_name']")!.GetAttribute("content"));
            Assert.Matches(@"^https://ldn\.example\.org/assets/images/share\.[0-9a-f]{10}\.png$", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
            Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        }

        Assert.Equal("noindex", parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, "search", "index.html"))).QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public void Content_pages_carry_medical_web_page_json_ld_with_their_citations()
    {
        var parser = new HtmlParser();
        var safety = parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, "safety", "index.html")));
        var blocks = safety.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement).ToList();
        var page = Assert.Single(blocks, b => b.GetProperty("@type").GetString() == "MedicalWebPage");
        Assert.Equal("Safety and side effects", page.GetProperty("name").GetString());
        Assert.Equal("2026-12-07", page.GetProperty("lastReviewed").GetString());
        Assert.Equal("LDN", page.GetProperty("about").GetProperty("alternateName").GetString());
        var citations = page.GetProperty("citation").EnumerateArray().ToList();
        Assert.Equal(safety.QuerySelectorAll(".references__list li").Length, citations.Count);
        Assert.All(citations, c => Assert.StartsWith("https://", c.GetProperty("url").GetString()));

        // The FAQ page has both its questions and the page itself; every block on every page is JSON.
        var faq = parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, "faq", "index.html")));
        var types = faq.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement.GetProperty("@type").GetString()).ToList();
        Assert.Equal(["FAQPage", "MedicalWebPage"], types);
        var about = parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, "about", "index.html")));
        Assert.Empty(about.QuerySelectorAll("script[type='application/ld+json']"));
    }

    [Fact]
    public void The_sitemap_parses_with_absolute_addresses()
    {
        var sitemap = XDocument.Load(Path.Combine(site.Output, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains("https://ldn.example.org/about/", locations);
        Assert.All(locations, l => Assert.True(Uri.IsWellFormedUriString(l, UriKind.Absolute), l));
    }
}
