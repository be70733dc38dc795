namespace LdnSite.Tests.Site;

using LdnSite.Tests.Support;
using LdnSite.Theme;
using Scriban.Runtime;

/// <summary>
/// The theme's include writes a partial in place when it is a statement, and behaves as
/// Scriban's own include (a string value) wherever its value is used.
/// </summary>
public sealed class ThemeIncludeTests
{
    private static string Render(string layout, string partial)
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["theme/layouts/partials"]);
        File.WriteAllText(temp["theme/layouts/page.html"], layout);
        File.WriteAllText(temp["theme/layouts/partials/p.html"], partial);
        var templates = ThemeTemplates.Load(temp["theme"], ThemeTemplates.ReadFiles(temp["theme"], []));
        Assert.Empty(templates.Errors);
        return templates.Render(templates.Layout("page")!, new ScriptObject());
    }

    [Fact]
    public void A_statement_include_writes_the_partial_where_it_stands()
    {
        Assert.Equal("A[p]B", Render("A{{ include 'p' }}B", "[p]"));
        // Positional arguments reach the partial as $0, $1 …
        Assert.Equal("A[x]B", Render("A{{ include 'p' 'x' }}B", "[{{ $1 }}]"));
    }

    [Fact]
    public void An_include_whose_value_is_used_is_a_string_as_in_Scriban()
    {
        // Written in place, the partial would land where it is assigned: "A[p]BC".
        Assert.Equal("AB[p]C", Render("A{{ x = include 'p' }}B{{ x }}C", "[p]"));
        Assert.Equal("A[P]B", Render("A{{ include 'p' | string.upcase }}B", "[p]"));
    }
}
