namespace LdnSite.Tests.Site;

using System.Security.Cryptography;
using LdnSite.Cli;
using LdnSite.Tests.Support;

public sealed class SiteBuildTests
{
    private const string References = """
        - key: smith2007
          authors: [Smith JP]
          title: A study
          journal: J Test
          year: 2007
          doi: 10.1000/test
          design: randomised-controlled
          outcome: It helped a little.
          conditions: [crohns]
        """;

    private static TempFolder SiteWith(params (string Path, string Text)[] files)
    {
        var temp = new TempFolder();
        temp.Write("input/_data/references.yaml", References);
        temp.Write("input/index.md", TestSites.Page("Home"));
        foreach (var (path, text) in files)
        {
            temp.Write("input/" + path, text);
        }

        return temp;
    }

    private static async Task<IReadOnlyList<string>> ErrorsOf(TempFolder temp)
    {
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]));
        Assert.False(result.Succeeded);
        return result.Diagnostics.Where(d => d.Severity == LdnSite.Engine.Diagnostics.Severity.Error).Select(d => d.ToString()).ToList();
    }

    [Fact]
    public async Task Broken_front_matter_fails_with_file_and_line_and_keeps_the_previous_output()
    {
        using var temp = SiteWith(("safety.md", TestSites.Page("Safety")));
        var settings = TestSites.Settings(temp["input"], temp["output"]);
        Assert.True((await TestSites.BuildAsync(settings)).Succeeded);
        var before = Snapshot(temp["output"]);

        temp.Write("input/safety.md", "---\ntitle: Safety\ndescription: [unclosed\n---\nText\n");
        var exitCode = await LdnSiteApp.Create().Parse(["build", "--input", temp["input"], "--output", temp["output"], "--theme", RepositoryPaths.Theme]).InvokeAsync();

        Assert.Equal(1, exitCode);
        Assert.Equal(before, Snapshot(temp["output"]));
        var error = Assert.Single(await ErrorsOf(temp));
        Assert.StartsWith("safety.md(3,", error);
        Assert.Contains("error LDN003", error);
    }

    [Fact]
    public async Task Good_input_exits_zero_through_the_command_line()
    {
        using var temp = SiteWith(("safety.md", TestSites.Page("Safety", "See [home](index.md) [@smith2007].")));
        var exitCode = await LdnSiteApp.Create().Parse(["build", "--input", temp["input"], "--output", temp["output"], "--theme", RepositoryPaths.Theme]).InvokeAsync();
        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(temp["output/safety/index.html"]));
    }

    [Fact]
    public async Task The_zip_command_writes_the_offline_edition_where_asked()
    {
        using var temp = SiteWith(("safety.md", TestSites.Page("Safety", "See [home](index.md) [@smith2007].")));
        var exitCode = await LdnSiteApp.Create().Parse(["zip", "--input", temp["input"], "--theme", RepositoryPaths.Theme, "--zip", temp["dist/kb.zip"]]).InvokeAsync();
        Assert.Equal(0, exitCode);
        using var archive = System.IO.Compression.ZipFile.OpenRead(temp["dist/kb.zip"]);
        Assert.Contains("../index.html", new StreamReader(archive.GetEntry("ldn-knowledge-base/safety/index.html")!.Open()).ReadToEnd());
    }

    [Fact]
    public async Task Unknown_citation_key_names_file_line_and_closest_key()
    {
        using var temp = SiteWith(("safety.md", TestSites.Page("Safety", "Line one.\n\nA claim [@smith2070].")));
        var error = Assert.Single(await ErrorsOf(temp));
        Assert.Equal("safety.md(8,9): error LDN030: Unknown citation key '@smith2070'; did you mean '@smith2007'? Otherwise add it to input/_data/references.yaml.", error);
    }

    [Fact]
    public async Task Link_to_a_missing_page_names_its_line()
    {
        using var temp = SiteWith(("safety.md", TestSites.Page("Safety", "See [dosage](dosage.md).")));
        var error = Assert.Single(await ErrorsOf(temp));
        Assert.StartsWith("safety.md(6,5): error LDN025: Link 'dosage.md' points to a page that does not exist", error);
    }

    [Fact]
    public async Task Link_to_a_missing_heading_suggests_the_closest()
    {
        using var temp = SiteWith(
            ("safety.md", TestSites.Page("Safety", "## Side effects\n\nText.")),
            ("faq.md", TestSites.Page("FAQ", "See [effects](safety.md#side-efects).")));
        var error = Assert.Single(await ErrorsOf(temp));
        Assert.Contains("faq.md(6,5): error LDN026", error);
        Assert.Contains("did you mean '#side-effects'?", error);
    }

    [Fact]
    public async Task Root_links_are_refused_with_advice_to_link_the_markdown_file()
    {
        using var temp = SiteWith(("faq.md", TestSites.Page("FAQ", "See [safety](/safety/).")));
        var error = Assert.Single(await ErrorsOf(temp));
        Assert.Contains("LDN022", error);
        Assert.Contains("by its Markdown file", error);
    }

    [Fact]
    public async Task Image_without_alt_text_is_an_error()
    {
        using var temp = SiteWith(("faq.md", TestSites.Page("FAQ", "![](chart.png)")));
        temp.Write("input/chart.png", "png");
        var error = Assert.Single(await ErrorsOf(temp));
        Assert.Contains("faq.md(6,1): error LDN023: Image 'chart.png' has no alt text", error);
    }

    [Fact]
    public async Task Unknown_layout_lists_the_ones_that_exist()
    {
        using var temp = SiteWith(("faq.md", TestSites.Page("FAQ", extra: "layout: fancy\n")));
        var error = Assert.Single(await ErrorsOf(temp));
        Assert.Contains("faq.md(1,1): error LDN051: Layout 'fancy' does not exist; use one of:", error);
        Assert.Contains("page", error);
    }

    [Fact]
    public async Task Offline_download_is_linked_from_every_page_with_its_size()
    {
        using var temp = SiteWith(("safety.md", TestSites.Page("Safety", "[@smith2007]")));
        var settings = TestSites.Settings(temp["input"], temp["output"]) with { OfflineDownload = new OfflineDownload("ldn-knowledge-base.zip", 80_000) };
        Assert.True((await TestSites.BuildAsync(settings)).Succeeded);
        Assert.Contains("<a href=\"../ldn-knowledge-base.zip\" download>Download for offline reading (78 KB zip)</a>", File.ReadAllText(temp["output/safety/index.html"]));
        Assert.Contains("<a href=\"ldn-knowledge-base.zip\" download>", File.ReadAllText(temp["output/index.html"]));
    }

    [Fact]
    public async Task Broken_references_yaml_names_the_data_file_and_line()
    {
        using var temp = SiteWith();
        temp.Write("input/_data/references.yaml", References + "\n- key: [unclosed\n");
        var error = Assert.Single(await ErrorsOf(temp));
        Assert.StartsWith("_data/references.yaml(10,8)", error);
        Assert.Contains("error LDN040", error);
    }

    [Fact]
    public async Task A_template_syntax_error_names_the_layout_file_and_line()
    {
        using var temp = SiteWith();
        var theme = temp.CopyFrom(RepositoryPaths.Theme, "theme");
        Directory.CreateSymbolicLink(Path.Combine(theme, "node_modules"), Path.Combine(RepositoryPaths.Theme, "node_modules"));
        File.AppendAllText(Path.Combine(theme, "layouts", "page.html"), "{{ if }}\n");
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"], theme));
        var errors = result.Diagnostics.Where(d => d.Code == "LDN050").ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal((4, true), (e.Line, e.Path.EndsWith("page.html", StringComparison.Ordinal))));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Two_builds_of_the_real_site_are_byte_identical()
    {
        using var temp = new TempFolder();
        await TestSites.BuildAsync(TestSites.Settings(RepositoryPaths.Input, temp["one"]));
        await TestSites.BuildAsync(TestSites.Settings(RepositoryPaths.Input, temp["two"]));
        Assert.Equal(Snapshot(temp["one"]), Snapshot(temp["two"]));
    }

    private static string Snapshot(string folder) => string.Join("\n",
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(folder, f), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))))
            .Order()
            .Select(x => $"{x.Item1} {x.Item2}"));
}
