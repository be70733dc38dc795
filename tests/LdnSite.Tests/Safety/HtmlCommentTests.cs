namespace LdnSite.Tests.Safety;

using AngleSharp.Html.Parser;
using LdnSite.Markdown.Sanitizing;
using LdnSite.Tests.Support;
using LdnSite.Build;

/// <summary>
/// A raw HTML comment (the nonmedical marker, or a note to other authors) is dropped from the
/// page without the sanitiser; anything that only looks like one comment still goes through it.
/// </summary>
public sealed class HtmlCommentTests
{
    [Theory]
    [InlineData("<!-- nonmedical -->", true)]
    [InlineData("  <!-- a note\n over two lines -->\n", true)]
    [InlineData("<!---->", true)]
    [InlineData("<!-- ends with three dashes --->", true)]
    [InlineData("<!-- <span id=\"x\"> -->", true)]
    // A browser ends the comment early and shows or runs what follows.
    [InlineData("<!-- --><script>alert(1)</script> -->", false)]
    [InlineData("<!-- a --!><script>alert(1)</script>-->", false)]
    [InlineData("<!--><script>alert(1)</script>-->", false)]
    [InlineData("<!---><script>alert(1)</script>-->", false)]
    [InlineData("<!-- a --> text", false)]
    [InlineData("text <!-- a -->", false)]
    [InlineData("<!-- never closed", false)]
    [InlineData("<!-->", false)]
    [InlineData("<!--->", false)]
    public void A_whole_comment_is_told_from_markup_that_only_looks_like_one(string html, bool whole) =>
        Assert.Equal(whole, HtmlComment.IsWhole(html));

    [Fact]
    public async Task Comments_never_reach_readers_and_the_nonmedical_marker_still_counts()
    {
        using var site = new HostileSite();
        site.Write("input/notes.md", "---\ntitle: Notes\ndescription: N.\n---\n\n"
            + "<!-- nonmedical -->\nA paragraph with no claim and no citation.\n\n"
            + "<!-- TODO ask Dr Secret about 9 mg -->\n\n"
            + "Text with an inline <!-- hidden remark --> comment [@smith2007].\n\n"
            + "- item <!-- in a list --> [@smith2007]\n");
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        // The marker kept the uncited paragraph from being reported (LDN034), and no removal was reported (LDN032).
        Assert.DoesNotContain(result.Diagnostics, d => d.Path.EndsWith("notes.md", StringComparison.Ordinal));

        var html = File.ReadAllText(site["output/notes/index.html"]);
        foreach (var hidden in new[] { "nonmedical", "TODO", "Secret", "hidden remark", "in a list", "<!--" })
        {
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        }

        var prose = new HtmlParser().ParseDocument(html).QuerySelector(".prose")!;
        Assert.Contains("A paragraph with no claim and no citation.", prose.TextContent, StringComparison.Ordinal);
        Assert.Contains("Text with an inline  comment", prose.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("item", prose.QuerySelector("li")!.TextContent, StringComparison.Ordinal);
    }
}
