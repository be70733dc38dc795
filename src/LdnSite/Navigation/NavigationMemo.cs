namespace LdnSite.Navigation;

using LdnSite.Content;

/// <summary>
/// The site navigation and its fingerprint (<see cref="Modules.CacheKeys.Navigation"/>), made
/// again only when some page's facts differ from the last build's. Navigation reads nothing but
/// the pages' <see cref="PageInfo"/>, so equal facts in the same order make equal navigation: a
/// body-only edit at 10,000 pages keeps it instead of regrouping and rehashing every page.
/// </summary>
public sealed class NavigationMemo
{
    private readonly object _gate = new();
    private PageInfo[] _pages = [];
    private (SiteNavigation Navigation, string Fingerprint)? _last;

    /// <summary>The navigation of <paramref name="pages"/>, and their navigation fingerprint.</summary>
    public (SiteNavigation Navigation, string Fingerprint) For(IReadOnlyList<PageInfo> pages)
    {
        lock (_gate)
        {
            if (_last is { } last && Same(pages))
            {
                return last;
            }

            var made = (SiteNavigation.Build(pages), Modules.CacheKeys.Navigation(pages));
            (_pages, _last) = ([.. pages], made);
            return made;
        }
    }

    // Every field of every page, in order: a record's equality compares them all (and is one
    // reference check for a page whose cached document came back unchanged).
    private bool Same(IReadOnlyList<PageInfo> pages)
    {
        if (pages.Count != _pages.Length)
        {
            return false;
        }

        for (var i = 0; i < _pages.Length; i++)
        {
            if (!_pages[i].Equals(pages[i]))
            {
                return false;
            }
        }

        return true;
    }
}
