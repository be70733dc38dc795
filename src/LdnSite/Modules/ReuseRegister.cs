namespace LdnSite.Modules;

using System.Runtime.CompilerServices;
using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Markdown;
using LdnSite.Search;

/// <summary>
/// Every result this site keeps from one build for the next, in one list: each partition with
/// its rule and its key recipe (<see cref="CacheKeys"/> says what each key is made of). One
/// register per engine, made with the pipelines: the dev server keeps its engine, and so its
/// register, across rebuilds; a one-shot build's engine has its cache off, so every partition
/// computes its result and nothing is kept (the modules hold no mode of their own for this).
/// </summary>
/// <remarks>
/// The rules, in the words of Hugo's dynacache (<c>ClearWhen</c>):
/// <list type="bullet">
/// <item><b>per build</b> (ClearOnRebuild): made once per build, dropped at the next (<see cref="PerBuild{T}"/>).</item>
/// <item><b>while the key is equal</b> (ClearOnChange, by key): the engine's <see cref="BuildCache"/>,
/// keyed by a <see cref="CacheKeys"/> recipe; an entry no recent build used is dropped.</item>
/// <item><b>while the parts are equal</b>: a whole-site step's last result, kept while every page's
/// part (a <see cref="CacheKeys"/> recipe) and the shared key are equal (<see cref="SiteWideMemo{TPart, TResult}"/>).</item>
/// <item><b>while the same document</b>: the last build's result for the very same document object,
/// when its inputs are equal too (<see cref="LastEntries{TInputs, T}"/>, weak tables).</item>
/// </list>
/// Memos that live only inside one build (the menus, cards and back-links of
/// <c>Theme.PageModelBuilder</c>) are per build by construction and keyed next to their code.
/// The engine also reuses what is exact by construction (a listing the watcher saw no change
/// to, a file whose document is the very object written last time).
/// </remarks>
public sealed class ReuseRegister
{
    // ── While the key is equal (BuildCache), each with its key recipe ──

    /// <summary>A page's whole Process chain (front matter, checks, body, links, search terms); key <see cref="CacheKeys.Page"/>.</summary>
    public static readonly string Pages = nameof(CacheKeys.Page);

    /// <summary>The references and glossary, parsed and checked; key <see cref="CacheKeys.SiteData"/>.</summary>
    public static readonly CachePartition<(Data.SiteData Data, IReadOnlyList<Engine.Diagnostics.Diagnostic> Reported)> SiteData = new(nameof(SiteData));

    /// <summary>The page renderer (glossary matcher, link targets); key <see cref="CacheKeys.Renderer"/>.</summary>
    public static readonly CachePartition<PageRenderer> Renderers = new(nameof(PageRenderer));

    /// <summary>The theme's templates; key: every theme file's path and text (<see cref="RenderLayout"/>).</summary>
    public static readonly CachePartition<Theme.ThemeTemplates> Themes = new("Theme");

    /// <summary>A minified script or style sheet; key <see cref="CacheKeys.Minified"/>.</summary>
    public static readonly CachePartition<(string Code, IReadOnlyList<NUglify.UglifyError> Errors)> Minified = new(nameof(MinifyAssets));

    /// <summary>A block of the search index's postings; key <see cref="CacheKeys.SearchBlock"/>.</summary>
    public static readonly CachePartition<PostingBlock> SearchBlocks = new(nameof(PostingBlock));

    /// <summary>A page's finished layout; key <see cref="CacheKeys.Layout"/> (found again through <see cref="Layouts"/>).</summary>
    public static readonly string FinishedLayouts = nameof(RenderLayout);

    /// <summary>Makes the per-build partitions, which read the settings.</summary>
    public ReuseRegister(SiteSettings settings)
    {
        SiteInputs = new(context => Modules.SiteInputs.Of(context, settings, PageSet, FileSet));
        Renderer = new(context =>
        {
            var inputs = SiteInputs.For(context);
            return Renderers.GetOrAdd(context.Cache, CacheKeys.Renderer(inputs), () => new PageRenderer(settings, inputs.Data, inputs.PageSources, inputs.InputFiles));
        });
    }

    // ── Per build ──

    /// <summary>What every page reads besides itself (data, page and file sets, settings), fingerprinted once.</summary>
    public PerBuild<SiteInputs> SiteInputs { get; }

    /// <summary>The build's page renderer, from <see cref="Renderers"/> when the site inputs are the last build's.</summary>
    public PerBuild<PageRenderer> Renderer { get; }

    // ── While the parts are equal (SiteWideMemo); each part is a CacheKeys recipe ──

    /// <summary>The set of Markdown pages; part <see cref="CacheKeys.SourcePart"/>.</summary>
    public SiteWideMemo<string, SourceSet> PageSet { get; } = new(CacheKeys.SourcePart);

    /// <summary>The set of other published files; part <see cref="CacheKeys.SourcePart"/>.</summary>
    public SiteWideMemo<string, SourceSet> FileSet { get; } = new(CacheKeys.SourcePart);

    /// <summary>The navigation and its fingerprint; part <see cref="CacheKeys.NavigationPart"/>.</summary>
    public SiteWideMemo<PageInfo, (Navigation.SiteNavigation, string)> Navigation { get; } = new(CacheKeys.NavigationPart);

    /// <summary>The link check (its diagnostics are kept with it); part <see cref="CacheKeys.LinkCheckPart"/>.</summary>
    public SiteWideMemo<(string Source, string Destination, Members Anchors, Items<InternalLink> Links), bool> LinkCheck { get; } = new(CacheKeys.LinkCheckPart);

    /// <summary>The uncited-reference check; part <see cref="CacheKeys.CitationCheckPart"/>, shared: the references' fingerprint.</summary>
    public SiteWideMemo<Items<string>, bool> CitationCheck { get; } = new(CacheKeys.CitationCheckPart);

    /// <summary>The sitemap and robots.txt; part <see cref="CacheKeys.SitemapPart"/>.</summary>
    public SiteWideMemo<(string Destination, string Layout, string? LastReviewed), IReadOnlyList<Document>> Sitemap { get; } = new(CacheKeys.SitemapPart);

    /// <summary>The Atom feed; part <see cref="CacheKeys.FeedPart"/>.</summary>
    public SiteWideMemo<(PageInfo Page, string? LastReviewed), Document> Feed { get; } = new(CacheKeys.FeedPart);

    /// <summary>Every page's related pages; part <see cref="CacheKeys.RelatedPart"/>.</summary>
    public SiteWideMemo<(string Source, string Destination, string Title, string Layout, bool HideFromNav, Items<string> Cited), IReadOnlyDictionary<string, IReadOnlyList<Navigation.RelatedPage>>> RelatedPages { get; } = new(CacheKeys.RelatedPart);

    /// <summary>The redirects file; part <see cref="CacheKeys.RedirectsPart"/>.</summary>
    public SiteWideMemo<(string Source, string Destination, Items<string> RedirectFrom), Document?> Redirects { get; } = new(CacheKeys.RedirectsPart);

    // ── While the same document ──

    /// <summary>A page's key, made from its file's stamp and the site inputs' fingerprint (<see cref="CacheKeys.Page"/>), for the very same document.</summary>
    public ConditionalWeakTable<Document, CacheKeys.PageKey> MadePageKeys { get; } = new();

    /// <summary>A page's finished layout (text and any template error), while its key and the layouts' key are equal.</summary>
    internal LastEntries<(string PageKey, string LayoutsKey), RenderLayout.Finished> Layouts { get; } = new();

    /// <summary>A page's document with its related pages, handed back while the input document and the list are the very same objects.</summary>
    public ConditionalWeakTable<Document, Document> WithRelatedPages { get; } = new();

    /// <summary>A page's finished document, handed back while its text is the very same string, so the writer skips it.</summary>
    public ConditionalWeakTable<Document, Document> FinishedPages { get; } = new();

    /// <summary>What each page gave the search index, its results files, chunk names and blocks, by place (see <see cref="SearchIndexMemory"/>).</summary>
    public SearchIndexMemory SearchIndex { get; } = new();
}
