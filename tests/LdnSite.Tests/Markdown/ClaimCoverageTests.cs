namespace LdnSite.Tests.Markdown;

using LdnSite.Engine.Diagnostics;
using LdnSite.Tests.Safety;
using LdnSite.Build;

/// <summary>The build warns on medical text that cites nothing, and not on text marked as making no claim.</summary>
public sealed class ClaimCoverageTests
{
    private static async Task<IReadOnlyList<Diagnostic>> CoverageOf(string markdown, string frontMatter = "", bool strict = false)
    {
        using var site = new HostileSite();
        site.Write("input/claims.md", $"---\ntitle: Claims\ndescription: Claims.\n{frontMatter}---\n\n{markdown}\n");
        var result = await new SiteBuild(site.Settings with { Strict = strict }).RunAsync();
        return result.Diagnostics.Where(d => d.Code == "LDN034").ToList();
    }

    [Fact]
    public async Task An_uncited_paragraph_warns_at_its_line()
    {
        var warning = Assert.Single(await CoverageOf("LDN cures everything.\n\nA cited claim [@smith2007]."));
        Assert.Equal(("claims.md", 6, Severity.Warning), (warning.Path, warning.Line, warning.Severity));
    }

    [Fact]
    public async Task Each_uncited_list_item_warns()
    {
        var warnings = await CoverageOf("- One claim [@smith2007].\n- Another claim.\n- A third claim.");
        Assert.Equal([7, 8], warnings.Select(w => w.Line));
    }

    [Fact]
    public async Task A_marked_paragraph_or_list_does_not_warn()
    {
        Assert.Empty(await CoverageOf("<!-- nonmedical -->\nUse the search box to find a page.\n\n<!-- nonmedical -->\n- Home\n- Search"));
    }

    [Fact]
    public async Task A_nonmedical_page_does_not_warn()
    {
        Assert.Empty(await CoverageOf("Who writes this site.", "nonmedical: true\n"));
    }

    [Fact]
    public async Task Strict_makes_an_uncited_paragraph_an_error()
    {
        Assert.Equal(Severity.Error, Assert.Single(await CoverageOf("LDN cures everything.", strict: true)).Severity);
    }
}
