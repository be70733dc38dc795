namespace LdnSite.Tests.Safety;

using AngleSharp.Html.Parser;
using LdnSite.Tests.Support;
using LdnSite.Build;

/// <summary>No link to a page the site does not have: glossary terms, the footer and the search box link only to pages that exist.</summary>
public sealed class MissingPageLinkTests
{
    [Fact]
    public async Task Without_a_glossary_page_terms_are_not_linked_to_it()
    {
        using var site = new HostileSite();
        site.Write("input/_data/glossary.yaml", "- term: Naltrexone\n  definition: A medicine.\n");
        site.Write("input/faq.md", "---\ntitle: FAQ\ndescription: Q.\n---\n\nAbout naltrexone [@smith2007].\n");
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var html = File.ReadAllText(site["output/faq/index.html"]);
        Assert.Contains("About naltrexone", html, StringComparison.Ordinal);
        Assert.DoesNotContain("#term-naltrexone", html, StringComparison.Ordinal);
        Assert.DoesNotContain("glossary-term", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_layouts_link_only_to_the_glossary_references_and_search_pages_a_site_has()
    {
        using var site = new HostileSite();
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var document = new HtmlParser().ParseDocument(File.ReadAllText(site["output/safety/index.html"]));
        var hrefs = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.DoesNotContain(hrefs, h => h.Contains("glossary/", StringComparison.Ordinal) || h.Contains("references/", StringComparison.Ordinal) || h.Contains("search/", StringComparison.Ordinal));
        Assert.Null(document.QuerySelector("form.search")!.GetAttribute("action"));

        // With the pages, the links are there.
        site.Write("input/glossary.md", "---\ntitle: Glossary\ndescription: Words.\nlayout: glossary\nhide_from_nav: true\n---\n");
        site.Write("input/search.md", "---\ntitle: Search\ndescription: Find.\nlayout: search\nhide_from_nav: true\n---\n");
        Assert.True((await new SiteBuild(site.Settings).RunAsync()).Succeeded);
        document = new HtmlParser().ParseDocument(File.ReadAllText(site["output/safety/index.html"]));
        Assert.NotNull(document.QuerySelector(".site-footer a[href='../glossary/']"));
        Assert.NotNull(document.QuerySelector(".site-footer a[href='../search/']"));
        Assert.Equal("../search/", document.QuerySelector("form.search")!.GetAttribute("action"));
    }
}
