namespace LdnSite.Tests.Evidence;

using AngleSharp.Html.Parser;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Pipelines;
using LdnSite.Tests.Support;

/// <summary>
/// findings.yaml, help.yaml and corrections.yaml: each entry checked at its field's line (LDN049),
/// and the blocks pages make from them (what the evidence shows with its certainty, help lists,
/// the corrections log, key facts, space for notes).
/// </summary>
public sealed class DecisionDataTests
{
    private const string References = """
        - key: smith2007
          authors: [Smith JP]
          title: A study
          journal: J Test
          year: 2007
          doi: 10.1000/abc
          design: open-label
          participants: {count: 17, who: adults}
          outcome: Scores fell.
          conditions: [crohns]
        """;

    private const string Finding = """
        - condition: crohns
          outcome: Remission
          effect: LDN may bring remission.
          certainty: low
          graded_by: A review, GRADE
          sources: [smith2007]
        """;

    private static async Task<(BuildResult Result, TempFolder Site)> Build(string file, string text, string body = "A claim [@smith2007].", string page = "index.md")
    {
        var temp = new TempFolder();
        temp.Write("input/_data/references.yaml", References);
        temp.Write("input/_data/" + file, text);
        temp.Write("input/" + page, TestSites.Page("Home", body));
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]));
        return (result, temp);
    }

    private static async Task<Diagnostic> OneError(string file, string text)
    {
        var (result, temp) = await Build(file, text);
        using (temp)
        {
            return Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        }
    }

    public static TheoryData<string, int, string> BadFindings => new()
    {
        { Finding.Replace("condition: crohns", "condition: gout"), 1, "condition 'gout' is not one of" },
        { Finding.Replace("certainty: low", "certainty: medium"), 4, "certainty 'medium' is not one of" },
        // A low-certainty finding that reads as settled: Cochrane's style says "may".
        { Finding.Replace("LDN may bring remission.", "LDN brings remission."), 3, "must say so in its words: use one of 'may'" },
        { Finding.Replace("certainty: low", "certainty: very-low"), 3, "'don't know'" },
        // "May" the month is not a hedge; a soft hyphen cannot hide "proves"; cure claims, and
        // sure words in the numbers, are caught too.
        { Finding.Replace("LDN may bring remission.", "In May 2019 a trial found remission."), 3, "use one of 'may'" },
        { Finding.Replace("LDN may bring remission.", "LDN may bring remission; it pro\u00ADves it."), 3, "invisible formatting character" },
        { Finding.Replace("LDN may bring remission.", "LDN may be a cure."), 3, "'cure' claims more" },
        { Finding.Replace("  certainty: low", "  numbers: The trial shows that 9 in 10 improved.\n  certainty: low"), 4, "'shows that' claims more" },
        { Finding.Replace("LDN may bring remission.", "LDN may bring remission; it proves the theory."), 3, "'proves' claims more than low certainty allows" },
        { Finding.Replace("  graded_by: A review, GRADE\n", ""), 1, "needs 'graded_by'" },
        { Finding.Replace("[smith2007]", "[jones2020]"), 6, "'jones2020' is not a key in references.yaml" },
        { Finding.Replace("  sources: [smith2007]", ""), 1, "needs the key of at least one reference" },
    };

    [Theory]
    [MemberData(nameof(BadFindings))]
    public async Task A_wrong_finding_is_one_error_at_its_field(string yaml, int line, string message)
    {
        var error = await OneError("findings.yaml", yaml);
        Assert.Equal(("_data/findings.yaml", line, "LDN049"), (error.Path, error.Line, error.Code));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("http://charity.example/")]
    [InlineData("https://192.0.2.7/")]
    [InlineData("https://[2001:db8::1]/")]
    [InlineData("https://charity.example:8443/")]
    [InlineData("https://user@charity.example/")]
    [InlineData("https://localhost/")]
    [InlineData("https://charity.example/a b")]
    [InlineData("javascript:alert(1)")]
    public async Task A_help_address_that_is_not_an_organisations_https_domain_is_an_error_at_its_line(string url)
    {
        var error = await OneError("help.yaml", $"- name: A charity\n  url: '{url}'\n  topic: crohns\n  offers: Help.\n");
        Assert.Equal(("_data/help.yaml", 2, "LDN049"), (error.Path, error.Line, error.Code));
        Assert.Contains("own https:// address", error.Message);
    }

    [Theory]
    [InlineData("date: 2026-13-01", 1, "must be a date written yyyy-mm-dd")]
    [InlineData("page: ../secret.md", 2, "must be the corrected page's file")]
    [InlineData("page: /etc/passwd", 2, "must be the corrected page's file")]
    [InlineData("change: ''", 3, "needs text here")]
    public async Task A_wrong_correction_is_an_error_at_its_field(string field, int line, string message)
    {
        var entry = "- date: 2026-12-01\n  page: index.md\n  change: A number was wrong.\n";
        var key = field.Split(':')[0];
        var yaml = string.Join('\n', entry.Split('\n').Select(l => l.TrimStart(' ', '-').StartsWith(key + ":", StringComparison.Ordinal) ? l[..l.IndexOf(key, StringComparison.Ordinal)] + field : l));
        var error = await OneError("corrections.yaml", yaml);
        Assert.Equal(("_data/corrections.yaml", line, "LDN049"), (error.Path, error.Line, error.Code));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task A_correction_of_a_page_that_does_not_exist_is_an_error_at_its_page_line_even_where_no_page_shows_the_log()
    {
        var (result, temp) = await Build("corrections.yaml", "- date: 2026-12-01\n  page: gone.md\n  change: A number was wrong.\n");
        using (temp)
        {
            var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal(("_data/corrections.yaml", 2, "LDN049"), (error.Path, error.Line, error.Code));
            Assert.Contains("'gone.md' is not a page under input/", error.Message);
        }
    }

    [Theory]
    [InlineData("Pain fell in people who took it, as LDN may.", "low")]
    [InlineData("We don\u2019t know whether LDN helps.", "very-low")]
    [InlineData("LDN improves pain, it may be.", "low")]
    public async Task A_finding_whose_words_match_its_level_builds(string effect, string level)
    {
        var (result, temp) = await Build("findings.yaml", Finding.Replace("LDN may bring remission.", effect).Replace("certainty: low", "certainty: " + level));
        using (temp)
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        }
    }

    [Fact]
    public async Task A_help_list_links_each_organisation_shows_its_host_and_encodes_every_value()
    {
        var help = "- name: '<script>alert(1)</script>'\n  url: https://charity.example/?a=1&b=2\n  topic: crohns\n  offers: 'Say \"hi\" & <b>bye</b>'\n";
        var (result, temp) = await Build("help.yaml", help, "A claim [@smith2007].\n\n::: help crohns\n:::\n");
        using (temp)
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
            var item = new HtmlParser().ParseDocument(File.ReadAllText(temp["output/index.html"])).QuerySelector(".help-list li")!;
            Assert.Null(item.QuerySelector("script, b"));
            Assert.Equal("<script>alert(1)</script> (charity.example): Say \"hi\" & <b>bye</b>", item.TextContent);
            Assert.Equal("https://charity.example/?a=1&b=2", item.QuerySelector("a")!.GetAttribute("href"));
            Assert.Contains("href=\"https://charity.example/?a=1&amp;b=2\"", File.ReadAllText(temp["output/index.html"]), StringComparison.Ordinal);
            Assert.Equal("noopener noreferrer", item.QuerySelector("a")!.GetAttribute("rel"));
        }
    }

    [Fact]
    public async Task A_findings_box_says_the_certainty_in_fixed_words_and_links_its_source()
    {
        var (result, temp) = await Build("findings.yaml", Finding, "A claim [@smith2007].\n\n::: findings crohns\n:::\n");
        using (temp)
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
            var box = new HtmlParser().ParseDocument(File.ReadAllText(temp["output/index.html"])).QuerySelector(".findings")!;
            Assert.Equal("What the evidence shows: Crohn's disease", box.QuerySelector(".findings__title")!.TextContent);
            Assert.Equal("Remission", box.QuerySelector(".finding__outcome")!.TextContent);
            Assert.Equal("Low certainty This may be right, but more research is likely to change it. Graded by: A review, GRADE.", box.QuerySelector(".finding__certainty")!.TextContent);
            // This site has no evidence page, so the source is named without a link to it.
            Assert.Equal("Source: Smith 2007", box.QuerySelector(".finding__source")!.TextContent);
            Assert.Null(box.QuerySelector(".finding__source a"));
        }
    }

    [Fact]
    public async Task The_findings_table_lists_every_finding_with_its_certainty()
    {
        var two = Finding + "\n" + Finding.Replace("condition: crohns", "condition: fibromyalgia").Replace("outcome: Remission", "outcome: Pain").Replace("certainty: low", "certainty: not-graded").Replace("  graded_by: A review, GRADE\n", "");
        var (result, temp) = await Build("findings.yaml", two, "A claim [@smith2007].\n\n::: findings\n:::\n");
        using (temp)
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
            var rows = new HtmlParser().ParseDocument(File.ReadAllText(temp["output/index.html"])).QuerySelectorAll("table.findings-table tbody tr")
                .Select(r => string.Join(" | ", r.Children.Take(3).Select(c => c.TextContent))).ToList();
            Assert.Equal(
                [
                    "Crohn's disease",
                    "Remission | LDN may bring remission. | Low certainty (A review, GRADE)",
                    "Fibromyalgia",
                    "Pain | LDN may bring remission. | No confirmed rating",
                ],
                rows);
        }
    }

    [Fact]
    public async Task The_corrections_log_lists_the_newest_first_with_links_to_the_pages()
    {
        var log = "- date: 2026-01-05\n  page: index.md\n  change: Older fix.\n- date: 2026-03-01\n  page: index.md\n  change: Newer fix.\n";
        var (result, temp) = await Build("corrections.yaml", log, "A claim [@smith2007].\n\n::: corrections\n:::\n");
        using (temp)
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
            var items = new HtmlParser().ParseDocument(File.ReadAllText(temp["output/index.html"])).QuerySelectorAll(".corrections li").ToList();
            Assert.Equal(["1 March 2026, /: Newer fix.", "5 January 2026, /: Older fix."], items.Select(i => i.TextContent));
            Assert.Equal("2026-03-01", items[0].QuerySelector("time")!.GetAttribute("datetime"));
        }
    }

    [Fact]
    public async Task Key_facts_frame_the_markdown_inside_them_and_notes_give_ruled_space()
    {
        var (result, temp) = await Build("help.yaml", "", "::: key-facts\n- A fact [@smith2007].\n:::\n\n::: notes\n:::\n");
        using (temp)
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
            var page = new HtmlParser().ParseDocument(File.ReadAllText(temp["output/index.html"]));
            Assert.Equal("Key facts", page.QuerySelector(".key-facts .key-facts__title")!.TextContent);
            Assert.StartsWith("A fact", page.QuerySelector(".key-facts li")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(8, page.QuerySelectorAll(".notes-space .notes-space__line").Length);
        }
    }

    [Theory]
    [InlineData("::: findings gout\n:::", "names no known condition")]
    [InlineData("::: findings crohns\n:::", "findings.yaml has no finding for 'crohns'")]
    [InlineData("::: help gout\n:::", "names no known topic")]
    [InlineData("::: notes\nwords\n:::", "Write nothing between")]
    [InlineData("::: key-facts\n:::", "then the facts")]
    [InlineData("::: key-facts {#facts}\n- A fact [@smith2007].\n:::", "takes no {#id}")]
    [InlineData("::: findings\n:::", "findings.yaml has no findings yet")]
    public async Task A_data_block_that_would_show_nothing_or_lose_text_is_an_error(string block, string message)
    {
        var (result, temp) = await Build("help.yaml", "", "A claim [@smith2007].\n\n" + block + "\n");
        using (temp)
        {
            var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal(("index.md", "LDN047"), (error.Path, error.Code));
            Assert.Contains(message, error.Message);
        }
    }

    [Fact]
    public async Task The_review_line_names_the_reviewer_and_the_evidence_search_date()
    {
        using var temp = new TempFolder();
        temp.Write("input/index.md", "---\ntitle: Home\ndescription: A page.\nnonmedical: true\nlast_reviewed: 2026-11-20\nreviewed_by: Dr A Reviewer, GP\nevidence_searched: 2026-11-01\nreview_interval_months: 12\n---\n\nText.\n");
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        var review = new HtmlParser().ParseDocument(File.ReadAllText(temp["output/index.html"])).QuerySelector(".article__review")!.TextContent;
        Assert.StartsWith("Page last reviewed 20 November 2026 by Dr A Reviewer, GP · Evidence searched up to 1 November 2026 · Next review due", review, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reviewed_by: Dr A Reviewer\n", 4, "needs 'last_reviewed'")]
    [InlineData("evidence_searched: 2026-11-21\n", 4, "needs 'last_reviewed'")]
    [InlineData("last_reviewed: 2026-11-20\nreviewed_by: ' '\n", 5, "names the clinician")]
    [InlineData("last_reviewed: 2026-11-20\nevidence_searched: 2026-11-21\n", 5, "is after 'last_reviewed'")]
    public async Task A_reviewer_without_a_review_date_or_a_search_after_the_review_is_an_error(string fields, int line, string message)
    {
        using var temp = new TempFolder();
        temp.Write("input/index.md", "---\ntitle: Home\ndescription: A page.\n" + fields + "---\n\nText.\n");
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]));
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("index.md", line, "LDN062"), (error.Path, error.Line, error.Code));
        Assert.Contains(message, error.Message);
    }
}
