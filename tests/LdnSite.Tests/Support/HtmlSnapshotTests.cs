namespace LdnSite.Tests.Support;

public sealed class HtmlSnapshotTests
{
    private const string Page = "<html><body><main><h1>Safety</h1><p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p><p>Five.</p><p>Six.</p><p>Seven.</p><p>Eight.</p><p>Nine.</p><p>Ten.</p><p>Eleven.</p><p>Twelve.</p></main></body></html>";

    [Fact]
    public void Normalise_sorts_attributes_and_indents()
    {
        var normalised = HtmlSnapshot.Normalise("<html><body><a id=\"x\" class=\"y\" href=\"#\">t</a></body></html>");
        Assert.Contains("<a class=\"y\" href=\"#\" id=\"x\">", normalised);
        Assert.Contains("\n    <a ", normalised);
    }

    [Fact]
    public void A_changed_text_is_a_difference_naming_both_versions()
    {
        var difference = Assert.Single(HtmlSnapshot.Differences("<p>Safety</p>", "<p>Safetx</p>"));
        Assert.Contains("'Safety' became 'Safetx'", difference);
    }

    [Fact]
    public void Whitespace_between_elements_is_not_a_difference()
    {
        Assert.Empty(HtmlSnapshot.Differences("<ul><li>a</li></ul>", "<ul>\n  <li>a</li>\n</ul>"));
        Assert.Null(HtmlSnapshot.Compare("list", "<ul><li>a</li></ul>", "<ul>\n  <li>a</li>\n</ul>"));
    }

    [Fact]
    public void A_changed_page_shows_a_summary_and_a_unified_diff_of_the_changed_region_only()
    {
        var message = HtmlSnapshot.Compare("safety", HtmlSnapshot.Normalise(Page), HtmlSnapshot.Normalise(Page.Replace("<p>Six.</p>", "<p>Six, changed.</p>")))!;
        var lines = message.Split('\n');

        Assert.Equal("safety: 2 lines changed in 1 region", lines[0]);
        Assert.Equal("--- safety.verified.html", lines[1]);
        Assert.Equal("+++ safety.received.html", lines[2]);
        Assert.StartsWith("@@ -", lines[3]);
        Assert.Contains("-      <p>Six.</p>", lines);
        Assert.Contains("+      <p>Six, changed.</p>", lines);
        // Three lines of context on each side, not the whole page, and no DOM paths.
        Assert.Equal(["       <p>Three.</p>", "       <p>Four.</p>", "       <p>Five.</p>"], lines[4..7]);
        Assert.Equal(["       <p>Seven.</p>", "       <p>Eight.</p>", "       <p>Nine.</p>"], lines[9..12]);
        Assert.DoesNotContain(lines, l => l.Contains("One.", StringComparison.Ordinal) || l.Contains("Twelve.", StringComparison.Ordinal));
        Assert.DoesNotContain(" > ", message);
    }

    [Fact]
    public void An_added_element_is_one_region_of_added_lines()
    {
        var message = HtmlSnapshot.Compare("faq", HtmlSnapshot.Normalise(Page), HtmlSnapshot.Normalise(Page.Replace("<p>Three.</p>", "<p>Three.</p><p>New study.</p>")))!;

        Assert.StartsWith("faq: 1 line changed in 1 region\n", message);
        Assert.Contains("\n+      <p>New study.</p>\n", message);
        Assert.DoesNotContain(message.Split('\n'), l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal));
    }

    [Fact]
    public void Changes_far_apart_are_separate_regions()
    {
        var message = HtmlSnapshot.Compare("x", HtmlSnapshot.Normalise(Page), HtmlSnapshot.Normalise(Page.Replace("One.", "1.").Replace("Twelve.", "12.")))!;

        Assert.StartsWith("x: 4 lines changed in 2 regions\n", message);
        Assert.Equal(2, message.Split('\n').Count(l => l.StartsWith("@@ ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_orphan_check_names_the_orphaned_and_the_missing_snapshots()
    {
        var message = Snapshots.SiteSnapshotTests.OrphanMessage(["about.verified.html", "safety.verified.html"], ["about.verified.html", "old-page.verified.html"]);

        Assert.Contains("delete them: tests/LdnSite.Tests/Snapshots/old-page.verified.html", message);
        Assert.Contains("no snapshot yet: safety.verified.html", message);
        Assert.Contains("LDNSITE_ACCEPT_SNAPSHOTS=1 dotnet test --filter \"Category!=Slow\"", message);
    }
}
