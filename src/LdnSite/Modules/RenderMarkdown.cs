namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Markdown;

/// <summary>
/// Parses each page's Markdown once and keeps what the site needs of it: structure, links,
/// citations, the body HTML, and the page's sections in the search index's format. Runs inside the Content pipeline's cached chain
/// (<see cref="CacheKeys.Page"/>), so a rebuild re-renders only pages whose text or inputs changed.
/// </summary>
public sealed class RenderMarkdown(ReuseRegister reuse) : DocumentModule
{
    /// <inheritdoc />
    protected override Document Process(Document document, IExecutionContext context)
    {
        var page = document.Get(PageKeys.Page);
        var renderer = reuse.Renderer.For(context);
        var rendered = renderer.Render(page, document.Get(PageKeys.Markdown));
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
            .With(PageKeys.Body, rendered.Body)
            .With(Markdown.Readability.ReadingLevel.Key, rendered.Reading)
            .With(PageKeys.Toc, rendered.Toc)
            .With(PageKeys.Anchors, rendered.Anchors)
            // Search reads the page's sections in its own format: the results entry and the terms.
            .With(PageKeys.SearchEntry, Search.SearchIndexWriter.Entry(page, rendered.Sections, renderer.Packing))
            .With(Search.PageTerms.Key, Search.PageTerms.From(page.Title, rendered.Sections, secondary: false, renderer.Packing))
            .With(PageKeys.InternalLinks, rendered.Links)
            .With(Markdown.Citations.CitedSource.OfPage, rendered.Citations);
    }
}
