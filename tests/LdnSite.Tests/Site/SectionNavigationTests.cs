namespace LdnSite.Tests.Site;

using AngleSharp.Html.Parser;
using LdnSite.Tests.Support;
using LdnSite.Urls;

public sealed class SectionNavigationTests
{
    private static async Task<TempFolder> BuildAsync(LinkStyle style)
    {
        var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        temp.Write("input/research/index.md", TestSites.Page("Research", extra: "order: 1\n"));
        temp.Write("input/research/trials.md", TestSites.Page("Trials", extra: "order: 2\n"));
        temp.Write("input/research/cases.md", TestSites.Page("Case reports", extra: "order: 3\n"));
        temp.Write("input/safety.md", TestSites.Page("Safety", extra: "order: 2\n"));
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]) with { LinkStyle = style });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return temp;
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Page(TempFolder temp, string path) =>
        new HtmlParser().ParseDocument(File.ReadAllText(temp["output/" + path]));

    [Theory]
    [InlineData(LinkStyle.Pretty, "../trials/", "../cases/", "../")]
    [InlineData(LinkStyle.File, "../trials/index.html", "../cases/index.html", "../index.html")]
    public async Task A_section_page_lists_its_section_in_order_and_marks_itself(LinkStyle style, string trials, string cases, string index)
    {
        using var temp = await BuildAsync(style);
        var page = Page(temp, "research/cases/index.html");
        var links = page.QuerySelectorAll("nav.section-nav li a").Select(a => (a.GetAttribute("href"), a.TextContent, a.GetAttribute("aria-current"))).ToList();
        Assert.Equal([(trials, "Trials", null), (cases, "Case reports", "page")], links);
        Assert.Equal(index, page.QuerySelector("nav.section-nav h2 a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("nav.section-nav h2 a")!.GetAttribute("aria-current"));
        Assert.Equal("in-section", page.QuerySelector("nav[aria-label=Main] a[href='" + index + "']")!.ClassName);
    }

    [Fact]
    public async Task The_section_index_marks_the_section_title_and_no_page()
    {
        using var temp = await BuildAsync(LinkStyle.Pretty);
        var page = Page(temp, "research/index.html");
        Assert.Equal("page", page.QuerySelector("nav.section-nav h2 a")!.GetAttribute("aria-current"));
        Assert.Equal(["trials/", "cases/"], page.QuerySelectorAll("nav.section-nav li a").Select(a => a.GetAttribute("href")));
        Assert.Empty(page.QuerySelectorAll("nav.section-nav li a[aria-current]"));
    }

    [Fact]
    public async Task Pages_outside_a_section_have_no_section_navigation_and_reading_order_walks_sections()
    {
        using var temp = await BuildAsync(LinkStyle.Pretty);
        Assert.Null(Page(temp, "safety/index.html").QuerySelector("nav.section-nav"));
        // Home → Research → Trials → Case reports → Safety
        Assert.Equal("../../safety/", Page(temp, "research/cases/index.html").QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("../trials/", Page(temp, "research/cases/index.html").QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("Research", Page(temp, "research/trials/index.html").QuerySelectorAll(".breadcrumbs a")[1].TextContent);
    }

    // Pages of one folder share one rendering of the main menu, made from a stand-in page in their
    // parent folder. Read as a browser would: every page's menu links, resolved against the page's
    // own address, reach the top-level pages in order, and only the page's own entry and its
    // section's are marked: for pages one, two and three folders deep, a folder listed by its first
    // page (no index), that first page itself (its menu links to itself, as "./", not by climbing
    // out of its folder and back), and the not-found page.
    [Theory]
    [InlineData(LinkStyle.Pretty)]
    [InlineData(LinkStyle.File)]
    public async Task Every_page_s_menu_reaches_the_top_level_pages_and_marks_only_its_own(LinkStyle style)
    {
        using var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        temp.Write("input/404.md", TestSites.Page("Not found", extra: "hide_from_nav: true\n"));
        temp.Write("input/research/index.md", TestSites.Page("Research", extra: "order: 1\n"));
        temp.Write("input/research/trials.md", TestSites.Page("Trials"));
        temp.Write("input/research/deep/more.md", TestSites.Page("More"));
        temp.Write("input/safety.md", TestSites.Page("Safety", extra: "order: 2\n"));
        temp.Write("input/studies/alpha.md", TestSites.Page("Alpha", extra: "order: 3\n"));
        temp.Write("input/studies/beta.md", TestSites.Page("Beta", extra: "order: 4\n"));
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]) with { LinkStyle = style });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var site = new Uri("https://example.org/");
        string[] top = ["research/index.html", "safety/index.html", "studies/alpha/index.html"];
        var sectionOf = new Dictionary<string, string>
        {
            ["research/index.html"] = "research/index.html", ["research/trials/index.html"] = "research/index.html",
            ["research/deep/more/index.html"] = "research/index.html", ["studies/alpha/index.html"] = "studies/alpha/index.html",
            ["studies/beta/index.html"] = "studies/alpha/index.html",
        };
        string[] pages = ["index.html", "404.html", "research/index.html", "research/trials/index.html", "research/deep/more/index.html",
            "safety/index.html", "studies/alpha/index.html", "studies/beta/index.html"];
        foreach (var path in pages)
        {
            var page = Page(temp, path);
            var links = page.QuerySelectorAll("nav[aria-label=Main] a").ToList();
            var reached = links.Select(a => new Uri(new Uri(site, path), a.GetAttribute("href")!).AbsolutePath.TrimStart('/')).ToList();
            Assert.Equal(top.Select(t => style == LinkStyle.Pretty ? t[..^"index.html".Length] : t), reached);
            for (var i = 0; i < top.Length; i++)
            {
                // Byte for byte the link a page's own menu would hold (the not-found page links from the root).
                if (path != "404.html")
                {
                    Assert.Equal(Urls.SitePaths.Relative(path, top[i], style), links[i].GetAttribute("href"));
                }

                Assert.Equal(top[i] == path ? "page" : null, links[i].GetAttribute("aria-current"));
                var inSection = top[i] != path && sectionOf.GetValueOrDefault(path) == top[i];
                Assert.True(inSection == (links[i].ClassName == "in-section"), $"{path}: entry {top[i]}");
            }
        }

        Assert.Equal(style == LinkStyle.Pretty ? "./" : "index.html", Page(temp, "studies/alpha/index.html").QuerySelector("nav[aria-label=Main] a[aria-current=page]")!.GetAttribute("href"));
        Assert.Equal(style == LinkStyle.Pretty ? "../alpha/" : "../alpha/index.html", Page(temp, "studies/beta/index.html").QuerySelectorAll("nav[aria-label=Main] a")[2].GetAttribute("href"));
    }

    [Fact]
    public async Task A_large_section_shows_each_page_its_neighbours_and_the_section_page_lists_them_all()
    {
        // Every page of a 10,000-page section carried 10,000 links (the sweep's 47 GB for 100,000 pages).
        const int count = 120;
        using var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        temp.Write("input/big/index.md", TestSites.Page("Big section", extra: "order: 1\n"));
        for (var i = 0; i < count; i++)
        {
            temp.Write($"input/big/p{i:D3}.md", TestSites.Page($"Page {i:D3}", extra: $"order: {i + 1}\n"));
        }

        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var middle = Page(temp, "big/p060/index.html").QuerySelectorAll("nav.section-nav li a").ToList();
        Assert.Equal(Theme.PageModelBuilder.MaxSectionLinks + 1, middle.Count);
        Assert.Equal("Page 035", middle[0].TextContent);
        Assert.Contains(middle, a => a.TextContent == "Page 060" && a.GetAttribute("aria-current") == "page");
        Assert.Equal(("../", $"All {count} pages in this section"), (middle[^1].GetAttribute("href"), middle[^1].TextContent));

        var first = Page(temp, "big/p000/index.html").QuerySelectorAll("nav.section-nav li a").ToList();
        Assert.Equal("Page 000", first[0].TextContent);

        var index = Page(temp, "big/index.html").QuerySelectorAll("nav.section-nav li a").ToList();
        Assert.Equal(count, index.Count);
    }
}
