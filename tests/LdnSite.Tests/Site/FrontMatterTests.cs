namespace LdnSite.Tests.Site;

using LdnSite.Content;
using LdnSite.Engine.Diagnostics;

public sealed class FrontMatterTests
{
    private static Diagnostic ErrorOf(string text) =>
        Assert.Throws<InputException>(() => FrontMatterReader.Read("page.md", text)).Diagnostic;

    [Fact]
    public void Reads_typed_fields_and_blanks_the_front_matter_lines()
    {
        var (frontMatter, markdown) = FrontMatterReader.Read("page.md", "---\ntitle: Safety\ndescription: About safety.\norder: 3\nlast_reviewed: 2026-01-02\n---\nBody");
        Assert.Equal("Safety", frontMatter.Title);
        Assert.Equal(3, frontMatter.Order);
        Assert.Equal("\n\n\n\n\n\nBody", markdown);
    }

    [Fact]
    public void Missing_front_matter_points_at_line_one()
    {
        Assert.Equal("page.md(1,1): error LDN001: The page has no front matter. Start it with a '---' line, then 'title: …' and 'description: …', then another '---' line.", ErrorOf("# Hello").ToString());
    }

    [Fact]
    public void Unclosed_front_matter_is_reported()
    {
        Assert.Equal("LDN002", ErrorOf("---\ntitle: x\n").Code);
    }

    [Fact]
    public void Invalid_yaml_points_at_the_files_line()
    {
        var error = ErrorOf("---\ntitle: Safety\ndescription: About.\norder: [1\n---\n");
        Assert.Equal("LDN003", error.Code);
        Assert.True(error.Line >= 4, $"line {error.Line} should be in the YAML, on or after the broken value");
    }

    [Fact]
    public void Unknown_key_is_named_with_its_line()
    {
        var error = ErrorOf("---\ntitle: Safety\ndescription: About.\ntitel: typo\n---\n");
        Assert.Equal(4, error.Line);
        Assert.Contains("Unknown field 'titel'", error.Message);
    }

    [Fact]
    public void Title_and_description_are_required()
    {
        Assert.Equal("LDN004", ErrorOf("---\ndescription: About.\n---\n").Code);
        Assert.Equal("LDN005", ErrorOf("---\ntitle: Safety\n---\n").Code);
    }

    [Fact]
    public void A_badly_written_date_points_at_its_line()
    {
        var error = ErrorOf("---\ntitle: Safety\ndescription: About.\nlast_reviewed: 5 May 2026\n---\n");
        Assert.Equal(("LDN006", 4), (error.Code, error.Line));
    }
}
