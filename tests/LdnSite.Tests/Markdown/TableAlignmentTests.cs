namespace LdnSite.Tests.Markdown;

using AngleSharp.Html.Parser;
using LdnSite.Tests.Safety;
using LdnSite.Tests.Support;
using LdnSite.Build;

/// <summary>
/// A Markdown table's column alignment survives the site's Content-Security-Policy, which blocks
/// inline styles: it is written as a class the style sheet knows, never as a style attribute.
/// </summary>
public sealed class TableAlignmentTests
{
    [Fact]
    public async Task Column_alignment_is_a_class_and_no_table_carries_a_style()
    {
        using var site = new HostileSite();
        site.Write("input/doses.md", "---\ntitle: Doses\ndescription: D.\nnonmedical: true\n---\n\n"
            + "| Dose | Count | Note | Plain |\n|:-----|------:|:----:|-------|\n| 1.5 mg | 12 | low | x |\n\n"
            + "+--------+-----------+\n| Grid   | Table     |\n+========+===========+\n| a      | b         |\n+--------+-----------+\n");
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var html = File.ReadAllText(site["output/doses/index.html"]);
        var prose = new HtmlParser().ParseDocument(html).QuerySelector(".prose")!;
        Assert.Empty(prose.QuerySelectorAll("[style]"));
        var cells = prose.QuerySelectorAll("table")[0].QuerySelectorAll("tbody td").Select(c => c.ClassName ?? "").ToList();
        Assert.Equal(["align-left", "align-right", "align-center", ""], cells);
        Assert.Equal("align-right", prose.QuerySelectorAll("table")[0].QuerySelectorAll("th")[1].ClassName);

        var css = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "theme", "assets", "css", "site.css"));
        Assert.Contains(".prose .align-right { text-align: right; }", css, StringComparison.Ordinal);
        Assert.Contains(".prose .align-center { text-align: center; }", css, StringComparison.Ordinal);
    }
}
