namespace LdnSite.Tests.Safety;

using AngleSharp.Html.Parser;
using LdnSite.Tests.Support;
using LdnSite.Build;

/// <summary>A link an author writes in raw HTML stays whole: glossary terms are not linked inside it.</summary>
public sealed class RawHtmlLinkTests
{
    [Fact]
    public async Task A_glossary_term_inside_a_raw_html_link_is_left_as_text_and_the_link_stays_whole()
    {
        using var site = new HostileSite();
        site.Write("input/_data/glossary.yaml", "- term: Naltrexone\n  definition: A medicine.\n");
        site.Write("input/glossary.md", "---\ntitle: Glossary\ndescription: Words.\nlayout: glossary\n---\n");
        site.Write("input/faq.md", "---\ntitle: FAQ\ndescription: Q.\n---\n\n"
            + "Read <a href=\"https://ok.example/\">about naltrexone here</a>, then naltrexone again [@smith2007].\n");
        // An <a> opened inside emphasis still holds the words after the emphasis (on its own page,
        // where this is the term's first use).
        site.Write("input/other.md", "---\ntitle: Other\ndescription: O.\n---\n\nAlso *<a href=\"https://two.example/\">see* naltrexone</a> [@smith2007].\n");
        // A raw <a> inside a Markdown link's text ends with that link: the term after it is linked.
        site.Write("input/third.md", "---\ntitle: Third\ndescription: T.\n---\n\n[Read <a href=\"https://x.example/\">more](https://y.example/) about naltrexone [@smith2007].\n");
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var html = File.ReadAllText(site["output/faq/index.html"]);
        var document = new HtmlParser().ParseDocument(html);
        var link = Assert.Single(document.QuerySelectorAll(".prose a[href='https://ok.example/']"));
        Assert.Equal("about naltrexone here", link.TextContent);

        Assert.Empty(document.QuerySelectorAll(".prose span.glossary:empty"));
        // The term is still linked where it is plain text: its first use outside the author's link.
        var term = Assert.Single(document.QuerySelectorAll(".prose a.glossary-term"));
        Assert.Equal("naltrexone", term.TextContent);
        Assert.Null(term.Closest("a[href='https://ok.example/']"));

        var other = new HtmlParser().ParseDocument(File.ReadAllText(site["output/other/index.html"]));
        Assert.Empty(other.QuerySelectorAll(".prose .glossary, .prose a.glossary-term"));
        Assert.Equal("see naltrexone", string.Concat(other.QuerySelectorAll(".prose a[href='https://two.example/']").Select(a => a.TextContent)));

        var third = new HtmlParser().ParseDocument(File.ReadAllText(site["output/third/index.html"]));
        Assert.Equal("naltrexone", Assert.Single(third.QuerySelectorAll(".prose a.glossary-term")).TextContent);
    }
}
