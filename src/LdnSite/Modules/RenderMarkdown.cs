namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Markdown;

/// <summary>
/// Parses each page's Markdown once and keeps what the site needs of it: structure, links,
/// citations, search entry and the body HTML. Cached by <see cref="CacheKeys.Page"/>, so a
/// rebuild re-renders only pages whose text or inputs changed.
/// </summary>
public sealed class RenderMarkdown(SiteSettings settings) : DocumentModule
{
    /// <summary>Metadata key for the page's citations, in number order.</summary>
    public static readonly MetadataKey<IReadOnlyList<Markdown.Citations.CitedSource>> Citations = new("citations");

    /// <inheritdoc />
    protected override Document Process(Document document, IExecutionContext context)
    {
        var (inputs, renderer) = RendererFor(context);
        var page = document.Get(PageKeys.Page);
        var markdown = document.Get(PageKeys.Markdown);
        var key = CacheKeys.Page(document.Get(PageKeys.SourceHash), page.Destination, inputs);
        var rendered = context.Cache.GetOrAdd(nameof(RenderMarkdown), key, () => renderer.Render(page, markdown));
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
            .With(PageKeys.RenderKey, key)
            .With(PageKeys.Body, rendered.Body)
            .With(PageKeys.Reading, rendered.Reading)
            .With(PageKeys.Toc, rendered.Toc)
            .With(PageKeys.Anchors, rendered.Anchors)
            .With(PageKeys.SearchEntry, rendered.SearchEntry)
            .With(PageKeys.SearchTerms, rendered.SearchTerms)
            .With(PageKeys.InternalLinks, rendered.Links)
            .With(Citations, rendered.Citations);
    }

    // One renderer per build's inputs: its glossary matcher, key set and page set are built once, not per page.
    private (SiteInputs Inputs, PageRenderer Renderer) RendererFor(IExecutionContext context)
    {
        var current = Volatile.Read(ref _renderer);
        if (current is null || current.Context != context)
        {
            lock (_lock)
            {
                current = _renderer;
                if (current is null || current.Context != context)
                {
                    var inputs = SiteInputs.Of(context, settings);
                    current = new BuildRenderer(context, inputs, new PageRenderer(settings, inputs.Data, inputs.PageSources, inputs.InputFiles));
                    Volatile.Write(ref _renderer, current);
                }
            }
        }

        return (current.Inputs, current.Renderer);
    }

    private readonly Lock _lock = new();
    private BuildRenderer? _renderer;

    private sealed record BuildRenderer(IExecutionContext Context, SiteInputs Inputs, PageRenderer Renderer);
}
