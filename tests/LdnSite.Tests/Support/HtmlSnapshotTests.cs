namespace LdnSite.Tests.Support;

public sealed class HtmlSnapshotTests
{
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
    }
}
