namespace LdnSite.Modules;

using LdnSite.Data;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using System.Runtime.CompilerServices;

/// <summary>
/// What every reused result reads: the key and part recipes of the partitions listed in
/// <see cref="ReuseRegister"/> (the idea of Statiq's CacheDocuments). A rebuild may reuse a
/// result only when every input its recipe names is unchanged, so an incremental build always
/// equals a full one. A step that starts to read something new must add it here.
/// </summary>
/// <remarks>
/// Two kinds of reuse are declared here. Keys (<see cref="Page"/>, <see cref="Layout"/> …) name
/// results kept in the engine's <see cref="BuildCache"/>. Parts (<see cref="SitemapPart"/> …)
/// say what a whole-site step reads of each page; its <see cref="SiteWideMemo{TPart, TResult}"/>
/// keeps the step's last result while every page's part is equal. Besides these, the engine
/// reuses only what is exact by construction: a folder listing or stamp the watcher saw no
/// change to (FileSystemView), a file whose document is the very object written last time
/// (WriteFiles), and the path check and sorted diagnostics, updated with what changed.
/// </remarks>
public static class CacheKeys
{
    /// <summary>
    /// Everything a page's Process chain makes (front matter, checks, body HTML, links,
    /// citations, search terms; see <see cref="SitePipelines"/>): the page's file, its output
    /// path, and what every page reads besides itself (<see cref="SiteInputs"/>: data, which
    /// pages and files exist, git dates, settings).
    /// The file is keyed by its stamp (one stat, no read) when it was last written long enough
    /// ago; a file written in the last two seconds could be written again within the clock's
    /// resolution with the same length, so it is read and keyed by its text (git's answer to
    /// "racy" index entries). The text read for the key is returned, so the page is still read
    /// only once and parsed from what the key was made of.
    /// </summary>
    public static (string Key, string? Text) Page(Document document, IExecutionContext context, SiteInputs site, Func<Document, string> read, ConditionalWeakTable<Document, PageKey>? made = null)
    {
        // One stat, taken now rather than when the folder was listed: a file saved in between must
        // not be keyed by its old stamp. Under a dev server the stamp may be remembered from an
        // earlier build, when the watcher has reported no change to the file since (see
        // FileSystemView). "Two seconds before the build started" is stricter than "before now",
        // never looser.
        if (document.Content is FileContent file && context.Files.StampOf(file.FullPath) is { } stamp && stamp.SettledBefore(context.Started))
        {
            // The same document (so the same source) with the same stamp and site inputs has the same key.
            if (made is not null && made.TryGetValue(document, out var known) && known.Stamp == stamp && string.Equals(known.Site, site.Fingerprint, StringComparison.Ordinal))
            {
                return (known.Key, null);
            }

            var key = BuildCache.Exact(document.Source, stamp.ToString(), Urls.SitePaths.DestinationOf(document.Source), site.Fingerprint);
            made?.AddOrUpdate(document, new PageKey(stamp, site.Fingerprint, key));
            return (key, null);
        }

        var text = read(document);
        return (BuildCache.Key(document.Source, text, Urls.SitePaths.DestinationOf(document.Source), site.Fingerprint), text);
    }

    /// <summary>A page key made from a file's stamp and the site inputs' fingerprint (see <see cref="Page"/>).</summary>
    public sealed record PageKey(FileStamp Stamp, string Site, string Key);

    /// <summary>The data files, parsed and checked: every data file's text (references, glossary, findings, help, corrections).</summary>
    public static string SiteData(params string[] dataTexts) => BuildCache.Key(dataTexts);

    /// <summary>The page renderer: the data, page set, file set and settings it is made from (the site inputs).</summary>
    public static string Renderer(SiteInputs site) => site.Fingerprint;

    /// <summary>A minified script or style sheet: its path (which says which minifier) and its text.</summary>
    public static string Minified(string destination, string text) => BuildCache.Key(destination, text);

    /// <summary>
    /// A block of the search index's postings: the index of its first page (document ids are
    /// built from it) and each of its pages' terms and field lengths, nothing else.
    /// </summary>
    public static string SearchBlock(int firstPage, IReadOnlyList<Search.SearchPage> pages) =>
        BuildCache.Key([firstPage.ToString(System.Globalization.CultureInfo.InvariantCulture), .. pages.Select(p => p.Terms.Fingerprint)]);

    /// <summary>
    /// A finished page: its body (the key above) and what every layout reads besides (see
    /// <see cref="Layouts"/>).
    /// </summary>
    public static string Layout(string pageKey, string layoutsKey) => BuildCache.Exact(pageKey, layoutsKey);

    /// <summary>The sitemap reads a page's path, its layout (search and 404 pages are left out) and its review date.</summary>
    public static (string Destination, string Layout, string? LastReviewed) SitemapPart(Document page) =>
        (page.Get(Content.PageKeys.Page).Destination, page.Get(Content.PageKeys.Page).Layout, page.Get(Content.PageKeys.FrontMatter).LastReviewed);

    /// <summary>The feed reads a page's facts (title, description, path, layout, visibility) and its review date; git dates are settings.</summary>
    public static (Content.PageInfo Page, string? LastReviewed) FeedPart(Document page) =>
        (page.Get(Content.PageKeys.Page), page.Get(Content.PageKeys.FrontMatter).LastReviewed);

    /// <summary>Related pages read a page's source, path, title, layout (its kind), visibility and the keys it cites.</summary>
    public static (string Source, string Destination, string Title, string Layout, bool HideFromNav, Items<string> Cited) RelatedPart(Document page) =>
        (page.Source, page.Destination, page.Get(Content.PageKeys.Page).Title, page.Get(Content.PageKeys.Page).Layout, page.Get(Content.PageKeys.Page).HideFromNav,
            new Items<string>([.. page.Get(Markdown.Citations.CitedSource.OfPage).Select(c => c.Key)]));

    /// <summary>What a page's layout reads of its related pages, appended to the page's key for its layout ("" when it has none).</summary>
    public static string RelatedLayoutPart(Document page) =>
        page.Metadata.GetOrDefault(LdnSite.Navigation.RelatedPages.Key, []) is { Count: > 0 } related ? "\n" + LdnSite.Navigation.RelatedPages.Fingerprint(related) : "";

    /// <summary>The redirects read a page's source, path and old addresses.</summary>
    public static (string Source, string Destination, Items<string> RedirectFrom) RedirectsPart(Document page) =>
        (page.Source, page.Destination, new Items<string>(page.Get(Content.PageKeys.FrontMatter).RedirectFrom));

    /// <summary>The link check reads a page's source, path, anchors and links.</summary>
    public static (string Source, string Destination, Members Anchors, Items<Content.InternalLink> Links) LinkCheckPart(Document page) =>
        (page.Source, page.Destination, new Members(page.Get(Content.PageKeys.Anchors)), new Items<Content.InternalLink>(page.Get(Content.PageKeys.InternalLinks)));

    /// <summary>The uncited-reference check reads the keys a page cites (and, shared, the references: <see cref="SiteData.Fingerprint"/>).</summary>
    public static Items<string> CitationCheckPart(Document page) =>
        new([.. page.Get(Markdown.Citations.CitedSource.OfPage).Select(c => c.Key)]);

    /// <summary>
    /// The navigation reads a page's <see cref="Content.PageInfo"/>, all of it: a record's equality
    /// compares every field (and is one reference check for a page whose cached document came back).
    /// </summary>
    public static Content.PageInfo NavigationPart(Document page) => page.Get(Content.PageKeys.Page);

    /// <summary>The site inputs' page and file sets read each document's source path.</summary>
    public static string SourcePart(Document document) => document.Source;

    /// <summary>
    /// Every page's navigation facts, in order: path, titles, order, layout, visibility. What the
    /// menus, section lists and previous/next links of every page are made of.
    /// </summary>
    public static string Navigation(IReadOnlyList<Content.PageInfo> pages) =>
        BuildCache.Key(pages.Select(p => $"{p.Source}|{p.Title}|{p.NavTitle}|{p.Order}|{p.Layout}|{p.HideFromNav}").ToArray());

    /// <summary>
    /// What every page's layout reads besides its body: the theme's layouts, every page's
    /// navigation facts, the hashed names of the files it loads, and the site inputs again (the
    /// layout shows data and settings). Hashed once per build rather than once per page.
    /// </summary>
    public static string Layouts(string themeKey, string navigationFingerprint, string assetNames, SiteInputs site) =>
        BuildCache.Key(themeKey, navigationFingerprint, assetNames, site.Fingerprint);
}

/// <summary>What every page's rendering reads besides the page itself, fingerprinted once per build.</summary>
/// <param name="Data">References and glossary.</param>
/// <param name="PageSources">Every Markdown page's source path.</param>
/// <param name="InputFiles">Every other file under input/ that is published.</param>
/// <param name="Fingerprint">A hash of all of the above and the settings (git dates included: <see cref="SiteSettings.Fingerprint"/>).</param>
public sealed record SiteInputs(SiteData Data, IReadOnlySet<string> PageSources, IReadOnlySet<string> InputFiles, string Fingerprint)
{
    /// <summary>The inputs of the running build; <paramref name="pageSet"/> and <paramref name="fileSet"/> keep the last build's path sets.</summary>
    public static SiteInputs Of(IExecutionContext context, SiteSettings settings, SiteWideMemo<string, SourceSet> pageSet, SiteWideMemo<string, SourceSet> fileSet)
    {
        var data = LoadSiteData.Output(context);
        var (pages, pagesKey) = SourceSet.Of(context, pageSet, context.Outputs(SitePipelines.PageSources));
        var (files, filesKey) = SourceSet.Of(context, fileSet, context.Outputs(SitePipelines.InputFiles));
        var fingerprint = BuildCache.Key(data.Fingerprint, pagesKey, filesKey, settings.Fingerprint);
        return new SiteInputs(data, pages, files, fingerprint);
    }
}

/// <summary>A pipeline's source paths as a set, and a hash of them in ordinal order (part of <see cref="SiteInputs"/>).</summary>
/// <param name="Set">The paths.</param>
/// <param name="Key">Their hash.</param>
public sealed record SourceSet(IReadOnlySet<string> Set, string Key)
{
    /// <summary>
    /// The set of <paramref name="documents"/>' sources, kept by <paramref name="memo"/> while the
    /// paths are the last build's: a rebuild under a watcher gets the same listing back, and
    /// comparing 10,000 paths is far cheaper than sorting and hashing them.
    /// </summary>
    public static SourceSet Of(IExecutionContext context, SiteWideMemo<string, SourceSet> memo, IReadOnlyList<Document> documents) =>
        memo.For(context, documents, "", _ =>
        {
            var set = documents.Select(d => d.Source).ToHashSet(StringComparer.Ordinal);
            return new SourceSet(set, BuildCache.Key(set.Order(StringComparer.Ordinal).ToArray()));
        });
}
