namespace LdnSite.Tests.Engine;

using LdnSite.Engine.Modules;
using LdnSite.Content;

/// <summary>Which file and folder names ReadFiles publishes (names become web addresses and zip entries).</summary>
public sealed class FileNameRulesTests
{
    [Theory]
    [InlineData("index.md")]
    [InlineData("sleep-and-ldn.md")]
    [InlineData("chart_2024.v2.png")]
    [InlineData("console.md")]
    [InlineData("connections")]
    [InlineData("com10.md")]
    public void Plain_names_are_published(string name) => Assert.Null(PublishRules.SkipReason(name));

    [Theory]
    [InlineData("CON.md")]
    [InlineData("con.md")]
    [InlineData("Aux.txt")]
    [InlineData("nul")]
    [InlineData("lpt9.png")]
    [InlineData("COM1.tar.gz")]
    public void Names_reserved_on_Windows_are_refused_in_any_case(string name) =>
        Assert.Contains("reserved on Windows", PublishRules.SkipReason(name), StringComparison.Ordinal);

    [Theory]
    [InlineData("my page.md")]
    [InlineData("caf\u00e9.md")]
    [InlineData("a:b.md")]
    [InlineData("-dash.md")]
    [InlineData("100%.md")]
    public void Names_that_are_not_plain_web_addresses_are_refused(string name) =>
        Assert.Contains("names become web addresses", PublishRules.SkipReason(name), StringComparison.Ordinal);

    [Theory]
    [InlineData(".env", "hidden")]
    [InlineData("notes.md~", "editor backup")]
    [InlineData("page.md.swp", "editor backup")]
    public void Hidden_files_and_editor_leftovers_are_refused(string name, string why) =>
        Assert.Contains(why, PublishRules.SkipReason(name), StringComparison.Ordinal);

    [Fact]
    public void A_name_over_100_characters_is_refused() =>
        Assert.NotNull(PublishRules.SkipReason(new string('a', 98) + ".md"));
}
