namespace LdnSite.Theme;

// What layouts see. Scriban exposes these with snake_case names (page.nav_title, site.base_url).
// Every URL here is already relative to the page being rendered.

/// <summary>A link with a title.</summary>
public sealed record LinkModel(string Title, string Url, bool Current);

/// <summary>A top-level navigation entry.</summary>
public sealed record NavItemModel(string Title, string Url, bool Current, bool InSection);

/// <summary>A section and its pages, for the section navigation.</summary>
public sealed record SectionModel(string Title, string Url, IReadOnlyList<LinkModel> Children);

/// <summary>A table-of-contents entry.</summary>
public sealed record TocModel(int Level, string Id, string Text);

/// <summary>
/// A source in a page's reference list; <paramref name="Card"/> is its study_facts partial, rendered
/// once per build, and <paramref name="BackLinksHtml"/> its back_links partial, rendered once per
/// number and count of citations.
/// </summary>
public sealed record ReferenceModel(int Number, string Key, Evidence.StudyFacts Facts, string Card, IReadOnlyList<BackLinkModel> BackLinks, string BackLinksHtml);

/// <summary>A link from a reference back to one place it is cited, labelled a, b, c… in reading order.</summary>
public sealed record BackLinkModel(string Id, string Label);

/// <summary>A source on the site-wide references page, with the pages citing it; <paramref name="Card"/> as in <see cref="ReferenceModel"/>.</summary>
public sealed record SourceModel(int Number, string Key, string Anchor, Evidence.StudyFacts Facts, string Card, IReadOnlyList<LinkModel> CitedBy);

/// <summary>A glossary entry.</summary>
public sealed record TermModel(string Term, string Anchor, string Definition, IReadOnlyList<string> Aliases);

/// <summary>A date as readers see it and as machines read it (for <c>&lt;time datetime&gt;</c>).</summary>
public sealed record DateModel(string Display, string Iso);

/// <summary>When a page was last reviewed and when it is due again.</summary>
public sealed record ReviewModel(DateModel LastReviewed, DateModel? NextReview, bool Overdue, string? ReviewedBy, DateModel? EvidenceSearched);

/// <summary>The page being rendered.</summary>
public sealed record PageModel(
    string Title,
    string Description,
    string Layout,
    string Body,
    string Canonical,
    string Root,
    IReadOnlyList<TocModel> Toc,
    IReadOnlyList<LinkModel> Breadcrumbs,
    LinkModel? Previous,
    LinkModel? Next,
    IReadOnlyList<ReferenceModel> References,
    ReviewModel? Review,
    DateModel? LastUpdated,
    string? EditUrl,
    IReadOnlyList<string> JsonLd,
    bool IsHome,
    bool Indexed,
    string SectionNav,
    IReadOnlyList<LinkModel> Related);

/// <summary>Site-wide values.</summary>
public sealed record SiteModel(
    string BaseUrl,
    IReadOnlyList<NavItemModel> Nav,
    string NavHtml,
    LinkModel Home,
    IReadOnlyList<SourceModel> Sources,
    IReadOnlyList<TermModel> Glossary,
    string? OfflineUrl,
    string? OfflineSize,
    bool LiveReload,
    string PageSuffix,
    IReadOnlyList<Evidence.StudyFacts> Studies,
    string EvidenceMap,
    string? IssuesUrl,
    Assets.AssetModel Assets,
    SitePages Has)
{
    /// <summary>The share image's absolute address, for link previews.</summary>
    public string ShareImage => BaseUrl + Assets.ShareImage;

    /// <summary>The feed's title.</summary>
    public string FeedTitle => SiteSettings.FeedTitle;
}

/// <summary>
/// Which of the pages the layouts link to by their usual address exist (<c>site.has.glossary</c>):
/// a site without one gets no link to it, rather than a broken link on every page.
/// </summary>
/// <param name="References">references.md (all references).</param>
/// <param name="Glossary">glossary.md.</param>
/// <param name="Search">search.md (the results page the search box submits to without script).</param>
public sealed record SitePages(bool References, bool Glossary, bool Search);
