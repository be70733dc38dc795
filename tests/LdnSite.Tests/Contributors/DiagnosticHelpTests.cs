namespace LdnSite.Tests.Contributors;

using System.Text.RegularExpressions;
using LdnSite.Cli;
using LdnSite.Diagnostics;
using LdnSite.Engine.Diagnostics;
using LdnSite.Tests.Safety;
using LdnSite.Tests.Support;
using LdnSite.Build;

/// <summary>Errors that lead straight to the fix, and the table of every code in CONTRIBUTING.md.</summary>
public sealed partial class DiagnosticHelpTests
{
    [GeneratedRegex("\"(LDN[0-9]{3})")]
    private static partial Regex CodeLiteral();

    [Fact]
    public void Contributing_carries_the_table_of_every_code_printed_from_the_catalogue()
    {
        var contributing = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "CONTRIBUTING.md")).ReplaceLineEndings("\n");
        Assert.True(contributing.Contains(DiagnosticCatalog.MarkdownTable(), StringComparison.Ordinal),
            "CONTRIBUTING.md's table of codes is out of date; replace it with the output of 'dotnet run --project src/LdnSite -- codes'.");
    }

    [Fact]
    public void Every_code_the_source_reports_is_in_the_catalogue_once()
    {
        var used = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.EndsWith("DiagnosticCatalog.cs", StringComparison.Ordinal))
            .SelectMany(f => CodeLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(["LDN106", "LDN107", "LDN009"]) // written inside messages of the command line
            .ToHashSet();
        var catalogue = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(catalogue.Count, catalogue.Distinct().Count());
        Assert.Empty(used.Except(catalogue));
    }

    [Fact]
    public void Paths_are_printed_from_where_the_command_runs()
    {
        var input = Path.Combine(Environment.CurrentDirectory, "input");
        var printed = DiagnosticText.ForUser(Diagnostic.Error("safety.md", 12, 34, "LDN030", "x"), input);
        Assert.Equal("input/safety.md(12,34): error LDN030: x", printed.ToString());
        Assert.Equal("::error file=input/safety.md,line=12,col=34,title=LDN030::x", DiagnosticText.GitHubAnnotation(printed));
    }

    private static async Task<IReadOnlyList<Diagnostic>> ErrorsOf(string page, Action<HostileSite>? arrange = null)
    {
        using var site = new HostileSite();
        site.Write("input/_data/references.yaml", HostileSite.References + HostileSite.References.Replace("smith2007", "smith2013").Replace("17222320", "23188075"));
        site.Write("input/faq.md", "---\ntitle: FAQ\ndescription: Questions.\n---\n\n" + page + "\n");
        arrange?.Invoke(site);
        var result = await new SiteBuild(site.Settings).RunAsync();
        return result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
    }

    [Fact]
    public async Task A_misspelt_key_suggests_the_nearest_counting_a_swap_as_one_edit()
    {
        var error = Assert.Single(await ErrorsOf("A claim [@smith2031]."));
        Assert.Contains("did you mean '@smith2013'?", error.Message);
    }

    [Fact]
    public async Task A_link_to_a_missing_page_suggests_the_nearest()
    {
        var error = Assert.Single(await ErrorsOf("See [safety](saftey.md) [@smith2007]."));
        Assert.Equal(("LDN025", 6), (error.Code, error.Line));
        Assert.Contains("did you mean 'safety.md'", error.Message);
    }

    [Fact]
    public async Task Ids_set_on_a_paragraph_or_in_raw_html_are_anchors_links_may_name()
    {
        var errors = await ErrorsOf(
            "See [a](#para-id), [b](#rawid), [c](safety.md#note) and [d](#nope) [@smith2007].\n\nA marked paragraph [@smith2007].\n{#para-id}\n\nRaw <span id=\"rawid\">text</span> here <!-- <span id=\"nope\"> --> [@smith2007].\n\n<!-- an unclosed comment <span id=\"nope\">",
            s => s.Write("input/safety.md", "---\ntitle: Safety\ndescription: S.\n---\n\n<div id=\"note\">A note.</div>\n\nText [@smith2007].\n"));
        var error = Assert.Single(errors);
        Assert.Equal("LDN026", error.Code);
        Assert.Contains("'#nope'", error.Message);
        Assert.Contains("#para-id", error.Message);
        Assert.Contains("#rawid", error.Message);
    }

    [Fact]
    public async Task Escaped_citation_text_and_a_link_whose_text_starts_with_an_at_sign_are_not_citations()
    {
        using var site = new HostileSite();
        site.Write("input/faq.md", "---\ntitle: FAQ\ndescription: Q.\n---\n\nWrite \\[@smith 2007] like this, see [@handle on the web](https://example.org/) [@smith2007].\n");
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var html = File.ReadAllText(site["output/faq/index.html"]);
        Assert.Contains("Write [@smith 2007] like this", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/\" class=\"external\" rel=\"noopener\">@handle on the web</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_anchor_lists_the_pages_anchors()
    {
        var error = Assert.Single(await ErrorsOf("See [x](safety.md#sid-effects) [@smith2007].", s => s.Write("input/safety.md", "---\ntitle: Safety\ndescription: S.\n---\n\n## Side effects\n\nText [@smith2007].\n\n## Warnings\n\nText [@smith2007].\n")));
        Assert.Equal("LDN026", error.Code);
        Assert.Contains("did you mean '#side-effects'?", error.Message);
        Assert.Contains("Its anchors: #side-effects, #warnings.", error.Message);
    }

    [Fact]
    public async Task Site_addresses_of_pages_are_accepted_and_written_relative()
    {
        using var site = new HostileSite();
        site.Write("input/faq.md", "---\ntitle: FAQ\ndescription: Q.\n---\n\nSee [a](/safety/), [b](../safety/), [c](/safety/#top) and [home](/) [@smith2007].\n");
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var html = File.ReadAllText(site["output/faq/index.html"]);
        Assert.Contains("<a href=\"../safety/\">a</a>", html);
        Assert.Contains("<a href=\"../safety/\">b</a>", html);
        Assert.Contains("<a href=\"../safety/#top\">c</a>", html);
        Assert.Contains("<a href=\"../\">home</a>", html);
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_is_explained_in_plain_words()
    {
        using var site = new HostileSite();
        site.Write("input/faq.md", "---\ntitle: FAQ\ndescription: Q.\norder: first\n---\n\nText [@smith2007].\n");
        var error = Assert.Single((await new SiteBuild(site.Settings).RunAsync()).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("LDN003", 4), (error.Code, error.Line));
        Assert.Contains("Expected a whole number (such as 12) here.", error.Message);
        Assert.DoesNotContain("System.", error.Message);
    }

    [Fact]
    public async Task A_misspelt_front_matter_key_suggests_the_right_one()
    {
        using var site = new HostileSite();
        site.Write("input/faq.md", "---\ntitle: FAQ\ndescripton: Q.\n---\n\nText [@smith2007].\n");
        var error = Assert.Single((await new SiteBuild(site.Settings).RunAsync()).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("LDN003", 3), (error.Code, error.Line));
        Assert.Contains("Unknown field 'descripton'. Did you mean 'description'?", error.Message);
    }

    [Fact]
    public async Task A_front_matter_key_given_twice_is_an_error_at_the_second()
    {
        using var site = new HostileSite();
        site.Write("input/faq.md", "---\ntitle: FAQ\ndescription: Q.\ntitle: Questions\n---\n\nText [@smith2007].\n");
        var result = await new SiteBuild(site.Settings).RunAsync();
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("LDN003", 4), (error.Code, error.Line));
        Assert.EndsWith("The key 'title' is given twice; keep one of the two lines.", error.Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task An_unquoted_colon_says_to_use_quotes()
    {
        using var site = new HostileSite();
        site.Write("input/faq.md", "---\ntitle: LDN: what we know\ndescription: Q.\n---\n\nText [@smith2007].\n");
        var error = Assert.Single((await new SiteBuild(site.Settings).RunAsync()).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("LDN003", error.Code);
        Assert.Contains("put the whole value in quotes", error.Message);
    }

    [Fact]
    public async Task A_link_missing_its_folder_suggests_the_page_of_that_name_relative_to_this_one()
    {
        using var site = new HostileSite();
        site.Write("input/conditions/sleep.md", "---\ntitle: Sleep\ndescription: S.\n---\n\nSee [safety](safety.md) [@smith2007].\n");
        var error = Assert.Single((await new SiteBuild(site.Settings).RunAsync()).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("LDN025", error.Code);
        Assert.Contains("did you mean '../safety.md' (input/safety.md)?", error.Message);
    }

    [Fact]
    public async Task A_heading_whose_id_the_site_uses_keeps_an_anchor_of_its_own()
    {
        using var site = new HostileSite();
        site.Write("input/faq.md", "---\ntitle: FAQ\ndescription: Q.\n---\n\n## References\n\nText [@smith2007].\n\n## Study design\n\nMore [@smith2007].\n");
        site.Write("input/safety.md", "---\ntitle: Safety\ndescription: S.\n---\n\nSee [design](faq.md#section-study-design) [@smith2007].\n");
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "LDN032");
        var html = File.ReadAllText(site["output/faq/index.html"]);
        Assert.Contains("id=\"section-references\"", html);
        Assert.Contains("href=\"#section-study-design\"", html); // the contents link follows
    }
}
