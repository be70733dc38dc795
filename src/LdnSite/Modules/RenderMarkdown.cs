namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Data;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Markdown;

/// <summary>
/// Renders each page's Markdown to HTML and reads its structure. Results are cached by a hash of
/// everything they depend on, so a rebuild re-renders only pages whose text or data changed.
/// </summary>
public sealed class RenderMarkdown(SiteSettings settings) : DocumentModule
{
    /// <summary>Metadata key for the page's citations, in number order.</summary>
    public static readonly MetadataKey<IReadOnlyList<Markdown.Citations.CitedSource>> Citations = new("citations");

    /// <inheritdoc />
    protected override Document Process(Document document, IExecutionContext context)
    {
        var data = SiteData.From(context);
        var page = document.Get(PageKeys.Page);
        var markdown = document.Get(PageKeys.Markdown);
        var renderer = RendererFor(data, context);
        // Which pages exist decides whether a link is broken, so adding or removing a page redoes every page.
        var key = BuildCache.Key(document.Get(PageKeys.SourceHash), data.Fingerprint, renderer.SourcesFingerprint, page.Destination, settings.LinkStyle.ToString());
        var rendered = context.Cache.GetOrAdd(nameof(RenderMarkdown), key,
            () => renderer.Renderer.Analyze(page, markdown));
        foreach (var problem in rendered.Problems)
        {
            context.Diagnostics.Add(problem);
        }

        if (rendered.JsonLd is not null)
        {
            document = document.With(RenderLayout.JsonLd, rendered.JsonLd);
        }

        // The Markdown is not needed again; letting it go keeps a large build's memory down.
        return document
            .Without(PageKeys.Markdown)
            .With(PageKeys.Toc, rendered.Toc)
            .With(PageKeys.Anchors, rendered.Anchors)
            .With(PageKeys.SearchEntry, rendered.SearchEntry)
            .With(PageKeys.InternalLinks, rendered.Links)
            .With(Citations, rendered.Citations);
    }

    // One renderer per build's data and pages: its glossary matcher, key set and page set are built once, not per page.
    private DataRenderer RendererFor(SiteData data, IExecutionContext context)
    {
        var current = Volatile.Read(ref _renderer);
        var sources = context.Outputs(SitePipelines.PageSources);
        if (current?.Data != data || current.Sources != sources)
        {
            var set = SitePipelines.SourceSet(sources);
            current = new DataRenderer(data, sources, new PageRenderer(settings, data, set), BuildCache.Key(set.Order(StringComparer.Ordinal).ToArray()));
            Volatile.Write(ref _renderer, current);
        }

        return current;
    }

    private DataRenderer? _renderer;

    private sealed record DataRenderer(SiteData Data, IReadOnlyList<Document> Sources, PageRenderer Renderer, string SourcesFingerprint);

}
