namespace LdnSite.Tests.Safety;

using AngleSharp.Html.Parser;
using LdnSite.Engine.Diagnostics;
using LdnSite.Build;

/// <summary>
/// Raw HTML is cleaned where it occurs: what Markdown emits never passes through the sanitiser,
/// so a page's HTML never depends on an unrelated raw tag elsewhere on it.
/// </summary>
public sealed class RawHtmlFollowsContentTests
{
    // Markdown whose output the raw-HTML allow-list would refuse (a body <h1>, a <footer>, task
    // list checkboxes, aligned table columns) next to ordinary blocks.
    private const string Blocks = "# A body heading\n\nA paragraph with *emphasis* [@smith2007].\n\n^^ A caption under it\n\n"
        + "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done [@smith2007]\n- [ ] to do [@smith2007]\n\n## Section {#kept}\n\nText [@smith2007].\n";

    [Fact]
    public async Task A_raw_span_changes_nothing_else_on_the_page()
    {
        var with = await PageAsync(Blocks + "\nA <span>raw span</span> here [@smith2007].\n");
        var without = await PageAsync(Blocks + "\nA raw span here [@smith2007].\n");

        Assert.Contains("<h1 id=\"a-body-heading\">A body heading</h1>", with.Html, StringComparison.Ordinal);
        Assert.Contains("<footer>A caption under it</footer>", with.Html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\"", with.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(with.Diagnostics, d => d.Code == "LDN032");
        Assert.Equal(without.Html, with.Html.Replace("<span>raw span</span>", "raw span", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readers_search_and_structured_data_see_the_same_text_around_removed_html()
    {
        var page = await PageAsync("## Is it safe?\n\nTalk to a doctor. <style>zzstyled words</style> and <template>zztemplated text</template> too [@smith2007].\n\n"
            + "<script>alert('zzscripted')</script>\n\n<template>\n\n## Is it hidden?\n\nA zzrevealed answer [@smith2007].\n", layout: "faq");

        // Each removal is reported where it was written: the inline style and template (line 9), the script block and the template block.
        Assert.Equal([9, 9, 11, 13], page.Diagnostics.Where(d => d.Code == "LDN032").Select(d => d.Line).Order());
        var document = new HtmlParser().ParseDocument(page.Html);
        var article = document.QuerySelector("main")!.TextContent;
        var toc = document.QuerySelector("nav.toc")!.TextContent;
        var structured = document.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent).Single(s => s.Contains("FAQPage", StringComparison.Ordinal));
        foreach (var seen in new[] { "zzstyled", "zztemplated", "zzrevealed" })
        {
            Assert.Contains(seen, article, StringComparison.Ordinal);
            Assert.Contains(seen, page.Search, StringComparison.Ordinal);
            Assert.Contains(seen, structured, StringComparison.Ordinal);
        }

        Assert.Contains("Is it hidden?", toc, StringComparison.Ordinal);
        Assert.Contains("Is it hidden?", structured, StringComparison.Ordinal);
        Assert.DoesNotContain("zzscripted", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("zzscripted", page.Search, StringComparison.Ordinal);
        Assert.DoesNotContain("<template", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div><span/id=\"ref-1\">fake study</span></div>\n\nText", "id=\"ref-1\">fake")]
    [InlineData("<div title=\"t\"id=\"main\">fake</div>\n\nText", "id=\"main\">fake")]
    [InlineData("<input type=\"image\" src=\"https://tracker.example/p.gif\">", "tracker.example")]
    [InlineData("<img src=\"https:\\\\tracker.example\\x\" alt=\"x\">", "tracker.example")]
    [InlineData("<img src=\"\\\\tracker.example/x\" alt=\"x\">", "tracker.example")]
    [InlineData("<img src=\"/\\tracker.example/x\" alt=\"x\">", "tracker.example")]
    [InlineData("<img src=\"https:tracker.example/x\" alt=\"x\">", "tracker.example")]
    public async Task Raw_html_is_judged_as_the_browser_reads_it(string markdown, string mustNotAppear)
    {
        var page = await PageAsync(markdown + " [@smith2007].\n");
        Assert.Contains(page.Diagnostics, d => d.Code == "LDN032");
        var body = page.Html[page.Html.IndexOf("<main", StringComparison.Ordinal)..];
        Assert.DoesNotContain(mustNotAppear, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_html_left_open_ends_with_the_body_and_cannot_close_markdowns_elements()
    {
        var page = await PageAsync("A claim in <b>bold that never ends [@smith2007].\n\nAnother paragraph</p></main> goes on [@smith2007].\n");
        var document = new HtmlParser().ParseDocument(page.Html);
        Assert.Null(document.QuerySelector("footer.site-footer")!.Closest("b"));
        Assert.Single(document.QuerySelectorAll("main"));
        Assert.Contains("goes on", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private sealed record BuiltPage(string Html, string Search, IReadOnlyList<Diagnostic> Diagnostics);

    private static async Task<BuiltPage> PageAsync(string markdown, string layout = "page")
    {
        using var site = new HostileSite();
        site.Write("input/faq.md", $"---\ntitle: Questions\ndescription: Answers.\nlayout: {layout}\n---\n\n{markdown}");
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var search = string.Concat(Directory.EnumerateFiles(site["output"], "*.js", SearchOption.AllDirectories)
            .Where(f => f.Contains("search", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        return new BuiltPage(File.ReadAllText(site["output/faq/index.html"]), search, result.Diagnostics);
    }
}
