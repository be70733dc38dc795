namespace LdnSite.Navigation;

using LdnSite.Content;

/// <summary>An entry of the site navigation.</summary>
/// <param name="Page">The page it links to.</param>
/// <param name="Children">For a section's index page, the section's other pages in order.</param>
public sealed record NavNode(PageInfo Page, IReadOnlyList<NavNode> Children);

/// <summary>
/// The site's navigation: top-level pages and sections (ordered by front matter), each section's
/// pages, and the reading order that previous/next links follow. Built once per build; a page's
/// navigation costs the number of sections plus the size of its own section, not the site.
/// </summary>
public sealed class SiteNavigation
{
    private readonly Dictionary<string, int> _readingIndex;
    private readonly Dictionary<string, NavNode> _sectionOf;

    private SiteNavigation(PageInfo? home, IReadOnlyList<NavNode> top, IReadOnlyList<PageInfo> readingOrder, Dictionary<string, NavNode> sectionOf)
    {
        Home = home;
        Top = top;
        ReadingOrder = readingOrder;
        _sectionOf = sectionOf;
        _readingIndex = readingOrder.Select((p, i) => (p.Destination, i)).ToDictionary(x => x.Destination, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The home page, if the site has one.</summary>
    public PageInfo? Home { get; }

    /// <summary>Top-level entries in order.</summary>
    public IReadOnlyList<NavNode> Top { get; }

    /// <summary>Every navigable page in the order previous/next links walk.</summary>
    public IReadOnlyList<PageInfo> ReadingOrder { get; }

    /// <summary>Builds navigation from every page of the site.</summary>
    public static SiteNavigation Build(IEnumerable<PageInfo> pages)
    {
        var all = pages.Where(p => !p.HideFromNav).ToList();
        var home = all.FirstOrDefault(p => p.Source == "index.md");
        var sections = all.Where(p => p.Section.Length > 0).GroupBy(p => p.Section, StringComparer.Ordinal);

        // A folder's index page is its index.md, or else the page beside the folder with its name
        // (conditions.md for conditions/), so a page added to a folder joins the section readers know.
        var sectionList = sections.ToList();
        var besideIndexes = sectionList
            .Where(s => !s.Any(p => p.Source == s.Key + "/index.md"))
            .Select(s => all.FirstOrDefault(p => p.Source == s.Key + ".md"))
            .OfType<PageInfo>()
            .ToHashSet();
        var top = all.Where(p => p.Section.Length == 0 && p != home && !besideIndexes.Contains(p)).Select(p => new NavNode(p, [])).ToList();
        var sectionOf = new Dictionary<string, NavNode>(StringComparer.Ordinal);
        foreach (var section in sectionList)
        {
            var index = section.FirstOrDefault(p => p.Source == section.Key + "/index.md") ?? besideIndexes.FirstOrDefault(p => p.Source == section.Key + ".md");
            var children = Sorted(section.Where(p => p != index)).Select(p => new NavNode(p, [])).ToList();
            // A folder without an index page is listed by its first page.
            var node = index is not null ? new NavNode(index, children) : new NavNode(children[0].Page, children.Skip(1).ToList());
            top.Add(node);
            sectionOf[section.Key] = node;
        }

        top = top.OrderBy(n => n.Page.Order).ThenBy(n => n.Page.NavTitle, StringComparer.Ordinal).ToList();
        var reading = new List<PageInfo>();
        if (home is not null)
        {
            reading.Add(home);
        }

        foreach (var node in top)
        {
            reading.Add(node.Page);
            reading.AddRange(node.Children.Select(c => c.Page));
        }

        return new SiteNavigation(home, top, reading, sectionOf);
    }

    /// <summary>The section node a page belongs to, if it is in a folder or is a folder's index page.</summary>
    public NavNode? SectionOf(PageInfo page) =>
        page.Section.Length > 0 ? _sectionOf.GetValueOrDefault(page.Section)
        : _sectionOf.GetValueOrDefault(Path.GetFileNameWithoutExtension(page.Source)) is { } node && node.Page == page ? node : null;

    /// <summary>The pages before and after <paramref name="page"/> in reading order.</summary>
    public (PageInfo? Previous, PageInfo? Next) Neighbours(PageInfo page)
    {
        if (!_readingIndex.TryGetValue(page.Destination, out var i))
        {
            return (null, null);
        }

        return (i > 0 ? ReadingOrder[i - 1] : null, i + 1 < ReadingOrder.Count ? ReadingOrder[i + 1] : null);
    }

    private static IEnumerable<PageInfo> Sorted(IEnumerable<PageInfo> pages) =>
        pages.OrderBy(p => p.Order).ThenBy(p => p.NavTitle, StringComparer.Ordinal);
}
