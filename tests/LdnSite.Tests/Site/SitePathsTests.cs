namespace LdnSite.Tests.Site;

using LdnSite.Urls;

public sealed class SitePathsTests
{
    [Theory]
    [InlineData("index.md", "index.html")]
    [InlineData("safety.md", "safety/index.html")]
    [InlineData("research/index.md", "research/index.html")]
    [InlineData("research/trials.md", "research/trials/index.html")]
    public void Pages_get_pretty_destinations(string source, string destination) =>
        Assert.Equal(destination, SitePaths.DestinationOf(source));

    [Theory]
    [InlineData("safety/index.html", "mechanism/index.html", LinkStyle.Pretty, "../mechanism/")]
    [InlineData("safety/index.html", "mechanism/index.html", LinkStyle.File, "../mechanism/index.html")]
    [InlineData("index.html", "safety/index.html", LinkStyle.Pretty, "safety/")]
    [InlineData("safety/index.html", "index.html", LinkStyle.Pretty, "../")]
    [InlineData("safety/index.html", "index.html", LinkStyle.File, "../index.html")]
    [InlineData("safety/index.html", "safety/index.html", LinkStyle.Pretty, "./")]
    [InlineData("a/b/index.html", "a/c/index.html", LinkStyle.File, "../c/index.html")]
    [InlineData("a/b/index.html", "assets/site.css", LinkStyle.Pretty, "../../assets/site.css")]
    [InlineData("a/b/c/index.html", "a/b/d/index.html", LinkStyle.Pretty, "../d/")]
    [InlineData("ab/index.html", "abc/index.html", LinkStyle.Pretty, "../abc/")]
    [InlineData("abc/index.html", "ab/index.html", LinkStyle.File, "../ab/index.html")]
    [InlineData("a/b/index.html", "a/b/x.png", LinkStyle.File, "x.png")]
    [InlineData("a/b/index.html", "a/index.html", LinkStyle.Pretty, "../")]
    [InlineData("index.html", "index.html", LinkStyle.Pretty, "./")]
    [InlineData("index.html", "index.html", LinkStyle.File, "index.html")]
    [InlineData("404.html", "safety/index.html", LinkStyle.Pretty, "safety/")]
    [InlineData("a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/index.html", "index.html", LinkStyle.Pretty, "../../../../../../../../../../../../../../../../../")]
    public void Links_are_relative_to_the_page(string from, string to, LinkStyle style, string expected) =>
        Assert.Equal(expected, SitePaths.Relative(from, to, style));

    [Theory]
    [InlineData("research/trials.md", "../safety.md", "safety.md")]
    [InlineData("research/trials.md", "other.md", "research/other.md")]
    [InlineData("research/trials.md", "/safety.md", "safety.md")]
    [InlineData("safety.md", "../../outside.md", null)]
    public void Markdown_links_resolve_to_sources(string from, string link, string? expected) =>
        Assert.Equal(expected, SitePaths.ResolveSource(from, link));
}
