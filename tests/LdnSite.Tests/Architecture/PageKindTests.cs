namespace LdnSite.Tests.Architecture;

using System.Text.RegularExpressions;
using LdnSite.Content;
using LdnSite.Tests.Support;

/// <summary>A page's kind is decided once, in <see cref="PageKinds"/>; nothing else compares layout names.</summary>
public sealed partial class PageKindTests
{
    [Fact]
    public void Every_layout_of_the_theme_has_a_row_in_the_table()
    {
        var layouts = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Theme, "layouts"), "*.html").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.NotEmpty(layouts);
        Assert.All(layouts, layout => Assert.NotSame(PageKinds.Other, PageKinds.Of(layout!)));
        Assert.Same(PageKinds.Other, PageKinds.Of("landing"));
    }

    [Fact]
    public void No_code_or_layout_outside_the_table_compares_layout_names()
    {
        var comparisons = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepositoryPaths.Theme, "*.html", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.EndsWith("PageKind.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(RepositoryPaths.Root, f), Line: i + 1, Text: line)))
            .Where(l => LayoutComparison().IsMatch(l.Text))
            .Select(l => $"{l.File}({l.Line}): {l.Text.Trim()}")
            .ToList();
        Assert.True(comparisons.Count == 0, "Ask the page's Kind instead:\n" + string.Join("\n", comparisons));
    }

    [Fact]
    public void The_kinds_say_what_the_site_has_always_done()
    {
        // Read against README's rules: medical pages are checked; search and 404 stay out of the sitemap and feed.
        Assert.True(PageKinds.Of("page").Medical && PageKinds.Of("faq").Faq && PageKinds.Of("evidence").Lists == SiteList.Studies);
        Assert.False(PageKinds.Of("references").Medical || PageKinds.Of("glossary").Medical || PageKinds.Of("search").Medical);
        Assert.False(PageKinds.Of("search").Indexed || PageKinds.Of("search").InSitemap || PageKinds.Of("not_found").InFeed);
        Assert.True(PageKinds.Of("not_found").RootRelativeLinks && PageKinds.Of("references").RenderedEveryBuild);
    }

    // Layout == "x", Layout is "x", layout == "x" in a template, and sets of layout names.
    [GeneratedRegex(@"[Ll]ayout\s*(==|!=|is)\s*(not\s*)?\(?""|Layouts\s*=\s*new")]
    private static partial Regex LayoutComparison();
}
