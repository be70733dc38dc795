namespace LdnSite.Tests.Site;

using LdnSite.Engine.Diagnostics;
using LdnSite.Tests.Support;

public sealed class WarningTests
{
    private const string TwoReferences = """
        - key: cited2007
          authors: [Smith JP]
          title: Cited
          journal: J Test
          year: 2007
          doi: 10.1000/a
          design: open-label
          outcome: Something improved.
          conditions: [crohns]
        - key: unused2010
          authors: [Cree BA]
          title: Not cited
          journal: J Test
          year: 2010
          doi: 10.1000/b
          design: open-label
          outcome: Nothing changed.
          conditions: [crohns]
        """;

    private static TempFolder Site(string frontMatterExtra)
    {
        var temp = new TempFolder();
        temp.Write("input/_data/references.yaml", TwoReferences);
        temp.Write("input/index.md", TestSites.Page("Home", "A claim [@cited2007].", frontMatterExtra));
        return temp;
    }

    [Fact]
    public async Task An_overdue_review_is_a_warning_and_the_build_succeeds()
    {
        using var temp = Site("last_reviewed: 2024-01-01\nreview_interval_months: 12\n");
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]));
        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "LDN060");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("due on 2025-01-01", warning.Message);
        Assert.Contains("review overdue", File.ReadAllText(temp["output/index.html"]));
    }

    [Fact]
    public async Task Strict_turns_an_overdue_review_into_an_error()
    {
        using var temp = Site("last_reviewed: 2024-01-01\nnext_review: 2025-06-01\n");
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]) with { Strict = true });
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d is { Code: "LDN060", Severity: Severity.Error });
    }

    [Fact]
    public async Task A_reference_no_page_cites_is_a_warning_at_its_line()
    {
        using var temp = Site("");
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "LDN045");
        Assert.Equal("_data/references.yaml(10,1): warning LDN045: Reference 'unused2010' is not cited by any page; cite it with [@unused2010] or remove it.", warning.ToString());
    }

    [Fact]
    public async Task A_duplicate_reference_key_is_an_error()
    {
        using var temp = Site("");
        temp.Write("input/_data/references.yaml", TwoReferences.Replace("unused2010", "cited2007"));
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]));
        Assert.Contains(result.Diagnostics, d => d is { Code: "LDN042", Line: 10 });
    }
}
