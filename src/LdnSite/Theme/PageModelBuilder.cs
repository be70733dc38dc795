namespace LdnSite.Theme;

using System.Globalization;
using LdnSite.Content;
using LdnSite.Data;
using LdnSite.Engine.Documents;
using LdnSite.Evidence;
using LdnSite.Markdown.Citations;
using LdnSite.Modules;
using LdnSite.Navigation;
using LdnSite.Urls;

/// <summary>
/// Builds what the layouts see for each page. Site-wide parts that do not depend on the page
/// (sources, glossary) are built once per build; per-page parts are relative links only.
/// </summary>
public sealed class PageModelBuilder
{
    private readonly SiteSettings _settings;
    private readonly SiteNavigation _navigation;
    private readonly SiteData _data;
    private readonly Lazy<IReadOnlyList<(Reference Reference, IReadOnlyList<PageInfo> CitedBy)>> _sources;
    private readonly IReadOnlyList<TermModel> _glossary;
    private readonly SitePages _has;
    private readonly IReadOnlyDictionary<string, StudyFacts> _facts;
    private readonly IReadOnlyList<StudyFacts> _studies;
    private readonly Assets.AssetModel _assets;

    private readonly ThemeTemplates _theme;
    private readonly bool _hasSiteNavPartial;
    private readonly bool _hasCardPartial;
    private readonly bool _hasBackLinksPartial;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string From, bool IsIndex, int Start), Lazy<string>> _sectionNavs = new();

    // Where each page of a large section stands in it, made once per section.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<NavNode, Dictionary<PageInfo, int>> _sectionPlaces = new();

    /// <summary>
    /// The most links a section's menu shows on its pages: past this, each page shows the pages
    /// around it and a link to the section's page, which lists them all (a section of 10,000 pages
    /// put 10,000 links on every one of them: 47 GB for 100,000 pages).
    /// </summary>
    public const int MaxSectionLinks = 50;
    private readonly BoundedMemo<(string LinkFolder, string RootPrefix, int Current, int InSection), (NavItemModel[] Items, string Html)> _menus = new(4096);

    // Where each top-level entry is in the menu (by path and by node), and every folder at or above one (see Menu).
    private readonly Dictionary<string, int> _topIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<NavNode, int> _topNodeIndex = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _topFolders = new(StringComparer.Ordinal);

    /// <summary>Prepares the site-wide parts from every page, with their navigation and its fingerprint (<see cref="CacheKeys.Navigation"/>).</summary>
    public PageModelBuilder(SiteSettings settings, IReadOnlyList<Document> pages, (SiteNavigation Navigation, string Fingerprint) navigation, SiteData data, ThemeTemplates theme, Assets.AssetModel assets)
    {
        _assets = assets;
        _theme = theme;
        _hasSiteNavPartial = theme.HasPartial("site_nav");
        _hasCardPartial = theme.HasPartial("study_facts");
        _hasBackLinksPartial = theme.HasPartial("back_links");
        _settings = settings;
        _data = data;
        (_navigation, NavigationFingerprint) = navigation;
        for (var i = 0; i < _navigation.Top.Count; i++)
        {
            var destination = _navigation.Top[i].Page.Destination;
            _topIndex.TryAdd(destination, i);
            _topNodeIndex.TryAdd(_navigation.Top[i], i);
            for (var folder = SitePaths.FolderOf(destination); folder.Length > 0; folder = SitePaths.FolderOf(folder))
            {
                _topFolders.Add(folder);
            }
        }

        // Only the references page lists which pages cite each source: worked out when it is
        // rendered, not for every build (a rebuild renders one page). Pages are put in output-path
        // order once, so each source's citing pages come out of the lookup in that order.
        _sources = new(() =>
        {
            var citers = pages
                .OrderBy(p => p.Destination, StringComparer.Ordinal)
                .SelectMany(p => p.Get(Markdown.Citations.CitedSource.OfPage).Select(c => (c.Key, Page: p.Get(PageKeys.Page))))
                .ToLookup(x => x.Key, x => x.Page, StringComparer.Ordinal);
            return data.References.Values
                .Select(r => (r, (IReadOnlyList<PageInfo>)citers[r.Key].ToList()))
                .ToList();
        });
        // Every page's path is part of the navigation fingerprint, so adding or removing one of these re-renders every page.
        var (references, glossary, search) = (false, false, false);
        for (var i = 0; i < pages.Count; i++)
        {
            var destination = pages[i].Destination;
            references |= destination == KnownPages.References;
            glossary |= destination == KnownPages.Glossary;
            search |= destination == KnownPages.Search;
        }

        _has = new SitePages(references, glossary, search);
        _facts = data.References.Values.ToDictionary(r => r.Key, StudyFacts.Of, StringComparer.Ordinal);
        _studies = _facts.Values.Where(f => f.IsStudy).OrderBy(f => f.Year).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        _glossary = data.Glossary.OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase)
            .Select(t => new TermModel(t.Term, t.Anchor, t.Definition, t.Aliases)).ToList();
    }

    /// <summary>A hash of every page's navigation facts (see <see cref="CacheKeys.Navigation"/>).</summary>
    public string NavigationFingerprint { get; }

    /// <summary>The navigation, for modules that need reading order.</summary>
    public SiteNavigation Navigation => _navigation;

    /// <summary>The model for one page.</summary>
    public (PageModel Page, SiteModel Site) Build(Document document, string body, string? jsonLd)
    {
        var page = document.Get(PageKeys.Page);
        var rootPrefix = _settings.RootPrefixFor(page);
        string Link(PageInfo target) => SitePaths.Link(page.Destination, target.Destination, _settings.LinkStyle, rootPrefix);
        LinkModel ToLink(PageInfo target) => new(target.NavTitle, Link(target), target.Destination == page.Destination);

        var section = _navigation.SectionOf(page);
        var (navItems, siteNav) = Menu(page, rootPrefix, section);
        var nav = navItems.ToList();

        var breadcrumbs = new List<LinkModel>();
        if (_navigation.Home is { } home && page != home)
        {
            breadcrumbs.Add(ToLink(home) with { Title = "Home" });
            if (section is not null && section.Page.Destination != page.Destination)
            {
                breadcrumbs.Add(ToLink(section.Page));
            }

            breadcrumbs.Add(ToLink(page) with { Title = page.Title });
        }

        var (previous, next) = _navigation.Neighbours(page);
        var references = document.Get(Markdown.Citations.CitedSource.OfPage)
            .Select(c => (c, r: _data.References[c.Key]))
            .Select(x => new ReferenceModel(x.c.Number, x.c.Key, _facts[x.c.Key], Card(x.c.Key), BackLinks(x.c.Number, x.c.Occurrences), BackLinksHtml(x.c.Number, x.c.Occurrences)))
            .ToList();

        var root = rootPrefix.Length > 0 ? rootPrefix : SitePaths.Relative(page.Destination, "x", LinkStyle.File)[..^1];
        var review = Review(document.Get(PageKeys.FrontMatter));
        var canonical = _settings.AbsoluteUrl(page.Destination);
        // Structured data: the FAQ's questions (from the Markdown), and for every medical page a MedicalWebPage.
        var jsonLdBlocks = new List<string>();
        if (jsonLd is not null)
        {
            jsonLdBlocks.Add(jsonLd);
        }

        if (page.Kind.Medical && !page.Nonmedical)
        {
            jsonLdBlocks.Add(MedicalWebPageSchema.JsonLd(page.Title, page.Description, canonical, _settings.NormalizedBaseUrl, review?.LastReviewed.Iso, references.Select(r => r.Facts)));
        }

        var model = new PageModel(
            page.Title,
            page.Description,
            page.Layout,
            body,
            canonical,
            root,
            document.Get(PageKeys.Toc).Select(t => new TocModel(t.Level, t.Id, t.Text)).ToList(),
            breadcrumbs,
            previous is null ? null : ToLink(previous),
            next is null ? null : ToLink(next),
            references,
            review,
            _settings.LastChanged.TryGetValue(page.Source, out var changed) ? Date(changed) : null,
            // The references and glossary pages show a data file: that is what an edit changes.
            _settings.Repository?.EditUrl(page.Kind.Lists switch
            {
                SiteList.Sources => SiteData.ReferencesFile,
                SiteList.GlossaryTerms => SiteData.GlossaryFile,
                _ => page.Source,
            }),
            jsonLdBlocks,
            page.Source == "index.md",
            page.Kind.Indexed,
            section is null ? "" : SectionNav(section, page),
            [.. document.Metadata.GetOrDefault(RelatedPages.Key, []).Select(r => new LinkModel(r.Title, SitePaths.Link(page.Destination, r.Destination, _settings.LinkStyle, rootPrefix), false))]);

        var site = new SiteModel(
            _settings.NormalizedBaseUrl,
            nav,
            siteNav,
            new LinkModel("Home", SitePaths.Link(page.Destination, "index.html", _settings.LinkStyle, rootPrefix), page.Source == "index.md"),
            page.Kind.Lists == SiteList.Sources ? Sources(page) : [],
            page.Kind.Lists == SiteList.GlossaryTerms ? _glossary : [],
            _settings.OfflineDownload is { } offline ? root + offline.FileName : null,
            _settings.OfflineDownload is { } o ? Size(o.Bytes) : null,
            _settings.LiveReload,
            _settings.LinkStyle == LinkStyle.File ? "index.html" : "",
            page.Kind.Lists == SiteList.Studies ? _studies : [],
            page.Kind.Lists == SiteList.Studies ? EvidenceMap.Svg(_studies, s => "#study-" + s.Key) : "",
            _settings.Repository?.IssuesUrl,
            _assets,
            _has);
        return (model, site);
    }

    // A section's navigation is the same for every page whose folder sits in the same parent
    // folder, when its links are written from a stand-in page there; so it is rendered once per
    // such folder, and each page is marked by adding aria-current to the link that points to it.
    private string SectionNav(NavNode section, PageInfo page)
    {
        if (!_theme.HasPartial("section_nav"))
        {
            return "";
        }

        // A section's index page (conditions/index.md, or conditions.md beside the folder) is written at the folder's index.html.
        var isIndex = section.Page == page;
        var from = isIndex ? page.Destination : SitePaths.FolderOf(SitePaths.FolderOf(page.Destination)) + "/_/index.html";
        string Link(PageInfo target) => SitePaths.Relative(from, target.Destination, _settings.LinkStyle);
        var children = section.Children;
        var start = 0;
        var count = children.Count;
        if (!isIndex && children.Count > MaxSectionLinks)
        {
            var places = _sectionPlaces.GetOrAdd(section, s => s.Children.Select((c, i) => (c.Page, i)).ToDictionary(p => p.Page, p => p.i));
            start = Math.Clamp(places.GetValueOrDefault(page, 0) - (MaxSectionLinks / 2), 0, children.Count - MaxSectionLinks);
            count = MaxSectionLinks;
        }

        var fragment = _sectionNavs.GetOrAdd((from, isIndex, start), _ => new Lazy<string>(() =>
        {
            var links = new List<LinkModel>(count + 1);
            for (var i = start; i < start + count; i++)
            {
                links.Add(new LinkModel(children[i].Page.NavTitle, Link(children[i].Page), false));
            }

            if (count < children.Count)
            {
                links.Add(new LinkModel($"All {children.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} pages in this section", Link(section.Page), false));
            }

            var model = new SectionModel(section.Page.NavTitle, Link(section.Page), links);
            return _theme.RenderPartial("section_nav", new Scriban.Runtime.ScriptObject { ["section"] = model });
        })).Value;
        var self = $"href=\"{Link(page)}\"";
        return fragment.Replace(self, self + " aria-current=\"page\"", StringComparison.Ordinal);
    }

    // The main menu: a link to every top-level page, marked where it is the page itself or holds
    // it. At 10,000 pages, building its hundred links for every page was a twentieth of the build
    // (perf, native program), and looping over it in each page's layout before that the largest
    // share of layout time; so each distinct menu is built and rendered (the site_nav partial) once.
    // What it holds depends only on the folder its links are written from, the root prefix, and
    // which entries are marked: its key. Pages one folder below the same parent folder (every page
    // of a section, each in its own folder) write the same links to any page outside their own
    // folders. No top-level page is inside a page's folder unless that folder is in _topFolders
    // (every folder at or above a top-level page); elsewhere the pages share one menu, written
    // from a stand-in folder in the parent folder ('_' is never a page's or folder's name:
    // ReadFiles skips it), so the links are the very ones each page would get. A site whose every
    // key differed would only fill the memo, which past its bound makes menus without keeping them.
    private (NavItemModel[] Items, string Html) Menu(PageInfo page, string rootPrefix, NavNode? section)
    {
        var current = _topIndex.GetValueOrDefault(page.Destination, -1);
        var inSection = section is not null ? _topNodeIndex.GetValueOrDefault(section, -1) : -1;
        var folder = SitePaths.FolderOf(page.Destination);
        var parent = SitePaths.FolderOf(folder);
        // A shared menu's page is never a top-level entry itself (current is -1): kept in the key all the same.
        var linkFolder = parent.Length > 0 && !_topFolders.Contains(folder) ? parent + "/_" : folder;
        return _menus.Get((linkFolder, rootPrefix, current, inSection), () => MakeMenu(linkFolder, rootPrefix, current, inSection));
    }

    private (NavItemModel[] Items, string Html) MakeMenu(string linkFolder, string rootPrefix, int current, int inSection)
    {
        // Links depend only on the folder of the page they are written from.
        var from = linkFolder.Length == 0 ? "index.html" : linkFolder + "/index.html";
        var top = _navigation.Top;
        var items = new NavItemModel[top.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new NavItemModel(top[i].Page.NavTitle, SitePaths.Link(from, top[i].Page.Destination, _settings.LinkStyle, rootPrefix), i == current, i == inSection);
        }

        // A theme without the partial (one written before it existed) loops over site.nav itself.
        var html = _hasSiteNavPartial ? _theme.RenderPartial("site_nav", new Scriban.Runtime.ScriptObject { ["nav"] = items }) : "";
        return (items, html);
    }

    // A source's card (the study_facts partial) is the same on every page that cites it, and a
    // page of the benchmark's corpus cites four: rendering each card in every page's layout was
    // a large share of layout time. Each is rendered once per build, seeing only "facts" (as
    // site_nav sees only "nav"), so the key, the source's key, covers all it can read.
    private string Card(string key) => !_hasCardPartial ? "" :
        _cards.GetOrAdd(key, k => new Lazy<string>(() => _theme.RenderPartial("study_facts", new Scriban.Runtime.ScriptObject { ["facts"] = _facts[k] }))).Value;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> _cards = new(StringComparer.Ordinal);

    private static List<BackLinkModel> BackLinks(int number, int occurrences) =>
        Enumerable.Range(0, occurrences).Select(i => new BackLinkModel(CitedSource.OccurrenceId(number, i + 1), Letters(i))).ToList();

    // A reference's back-links (a, b, c… to each place the page cites it) depend only on its number
    // and how often it is cited, and most pages share those: the benchmark's pages cite each of
    // their sources a dozen times or more, each link a turn of the loop in every page's layout.
    // The back_links partial sees only those two (any other member of ref is a theme error), so
    // they are its key.
    private string BackLinksHtml(int number, int occurrences)
    {
        if (!_hasBackLinksPartial)
        {
            return "";
        }

        string Render() => _theme.RenderPartial("back_links", new Scriban.Runtime.ScriptObject
        {
            ["ref"] = new ClosedScriptObject { ["number"] = number, ["back_links"] = BackLinks(number, occurrences) },
        });
        return _backLinks.Get((number, occurrences), Render);
    }

    private readonly BoundedMemo<(int Number, int Occurrences), string> _backLinks = new(4096);

    /// <summary>Review dates as shown to readers; null when the page was never reviewed.</summary>
    public ReviewModel? Review(FrontMatter frontMatter)
    {
        if (frontMatter.LastReviewedDate() is not { } last)
        {
            return null;
        }

        var next = frontMatter.NextReviewDate();
        var searched = frontMatter.EvidenceSearchedDate();
        return new ReviewModel(Date(last), next is null ? null : Date(next.Value), next < _settings.Today, frontMatter.ReviewedBy, searched is null ? null : Date(searched.Value));
    }

    private IReadOnlyList<SourceModel> Sources(PageInfo page) =>
        _sources.Value.Select(s => new SourceModel(
            _data.ReferenceNumbers[s.Reference.Key],
            s.Reference.Key,
            "source-" + s.Reference.Key,
            _facts[s.Reference.Key],
            Card(s.Reference.Key),
            s.CitedBy.Select(p => new LinkModel(p.Title, SitePaths.Relative(page.Destination, p.Destination, _settings.LinkStyle), false)).ToList())).ToList();

    // a, b, … z, aa, ab, …: the labels of a reference's back-links.
    private static string Letters(int index) => index < 26 ? ((char)('a' + index)).ToString() : Letters((index / 26) - 1) + (char)('a' + (index % 26));

    private static DateModel Date(DateOnly date) => new(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";
}
