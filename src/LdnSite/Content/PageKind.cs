namespace LdnSite.Content;

/// <summary>
/// What a page of one layout is: every behaviour that depends on a page's kind, decided in one
/// row of <see cref="PageKinds"/> (in the spirit of Hugo's front-matter build options) instead
/// of by comparing layout names wherever the behaviour is needed.
/// </summary>
public sealed record PageKind
{
    /// <summary>
    /// Holds medical content: each paragraph and list item cites a source (LDN034), the reading
    /// level is judged (LDN036) and reported, and the page gets MedicalWebPage structured data.
    /// A page that sets <c>nonmedical: true</c> is excused from citing and from the structured data.
    /// </summary>
    public bool Medical { get; init; }

    /// <summary>Its h2 questions and their answers become FAQPage structured data.</summary>
    public bool Faq { get; init; }

    /// <summary>Listed in <c>sitemap.xml</c>.</summary>
    public bool InSitemap { get; init; } = true;

    /// <summary>Listed in the Atom feed of reviews and changes (unless hidden from navigation).</summary>
    public bool InFeed { get; init; } = true;

    /// <summary>Search engines may index it; false gives the page a robots <c>noindex</c>.</summary>
    public bool Indexed { get; init; } = true;

    /// <summary>
    /// Shows what every page says (the references page lists the pages citing each source), so
    /// its layout is rendered again on every build instead of reused.
    /// </summary>
    public bool RenderedEveryBuild { get; init; }

    /// <summary>What the layout lists from the site's data; sources and glossary terms are also search results of their own.</summary>
    public SiteList Lists { get; init; }

    /// <summary>Links are written from the site's root: the page is served at any missing address (the 404 page).</summary>
    public bool RootRelativeLinks { get; init; }
}

/// <summary>A list from the site's data that a page kind's layout shows.</summary>
public enum SiteList
{
    /// <summary>Nothing beyond the page itself.</summary>
    None,

    /// <summary>Every source in references.yaml, with the pages citing it.</summary>
    Sources,

    /// <summary>Every glossary term.</summary>
    GlossaryTerms,

    /// <summary>Every study, with the evidence map.</summary>
    Studies,
}

/// <summary>The page kinds, one per layout of the theme; the layout named in front matter picks the row.</summary>
public static class PageKinds
{
    /// <summary>A content page (the default layout).</summary>
    public static readonly PageKind Page = new() { Medical = true };

    /// <summary>Questions and answers.</summary>
    public static readonly PageKind Faq = new() { Medical = true, Faq = true };

    /// <summary>The home page.</summary>
    public static readonly PageKind Home = new() { Medical = true };

    /// <summary>The evidence overview: the map and table of every study. Rendered every build, as it always was (its data is in every page's key already; left as it was).</summary>
    public static readonly PageKind Evidence = new() { Medical = true, Lists = SiteList.Studies, RenderedEveryBuild = true };

    /// <summary>Every source, with the pages that cite it.</summary>
    public static readonly PageKind References = new() { Lists = SiteList.Sources, RenderedEveryBuild = true };

    /// <summary>Every glossary term.</summary>
    public static readonly PageKind Glossary = new() { Lists = SiteList.GlossaryTerms };

    /// <summary>The search page: nothing to index or list.</summary>
    public static readonly PageKind Search = new() { InSitemap = false, InFeed = false, Indexed = false };

    /// <summary>The 404 page, served at any missing address.</summary>
    public static readonly PageKind NotFound = new() { InSitemap = false, InFeed = false, RootRelativeLinks = true };

    /// <summary>A layout a theme adds that this table does not know: listed and indexed, no medical checks.</summary>
    public static readonly PageKind Other = new();

    private static readonly Dictionary<string, PageKind> ByLayout = new(StringComparer.Ordinal)
    {
        ["page"] = Page,
        ["faq"] = Faq,
        ["home"] = Home,
        ["evidence"] = Evidence,
        ["references"] = References,
        ["glossary"] = Glossary,
        ["search"] = Search,
        ["not_found"] = NotFound,
    };

    /// <summary>The kind of a page with <paramref name="layout"/>.</summary>
    public static PageKind Of(string layout) => ByLayout.GetValueOrDefault(layout, Other);
}
