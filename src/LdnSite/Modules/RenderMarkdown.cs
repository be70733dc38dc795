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
        var key = BuildCache.Key(document.Get(PageKeys.SourceHash), data.Fingerprint, page.Destination, settings.LinkStyle.ToString());
        var rendered = context.Cache.GetOrAdd(nameof(RenderMarkdown), key,
            () => RendererFor(data).Analyze(page, markdown));
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
            .With(PageKeys.MarkdownText, new CompactText(markdown))
            .With(PageKeys.Toc, rendered.Toc)
            .With(PageKeys.Anchors, rendered.Anchors)
            .With(PageKeys.SearchEntry, rendered.SearchEntry)
            .With(PageKeys.InternalLinks, rendered.Links)
            .With(Citations, rendered.Citations);
    }

    // One renderer per build's data: its glossary matcher and key set are built once, not per page.
    private PageRenderer RendererFor(SiteData data)
    {
        var current = Volatile.Read(ref _renderer);
        if (current?.Data != data)
        {
            current = new DataRenderer(data, new PageRenderer(settings, data));
            Volatile.Write(ref _renderer, current);
        }

        return current.Renderer;
    }

    private DataRenderer? _renderer;

    private sealed record DataRenderer(SiteData Data, PageRenderer Renderer);

}
