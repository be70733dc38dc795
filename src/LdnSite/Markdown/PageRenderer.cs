namespace LdnSite.Markdown;

using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Markdown.Citations;
using LdnSite.Markdown.Links;
using LdnSite.Markdown.Structure;
using Markdig;
using Markdig.Renderers;

/// <summary>
/// Parses a page once, runs every transform on the syntax tree (links, citations), reads its
/// structure, and renders it once. No HTML is parsed back.
/// </summary>
public sealed class PageRenderer(SiteSettings settings, SiteData data)
{
    private readonly LinkRewriter _links = new(settings.InputFolder, settings.LinkStyle);

    /// <summary>Renders the Markdown of the page at <paramref name="source"/>.</summary>
    public RenderedPage Render(string source, string destination, string markdown)
    {
        var problems = new List<Diagnostic>();
        var document = Markdig.Markdown.Parse(markdown, SiteMarkdown.Pipeline);
        var links = _links.Rewrite(document, source, destination, problems);
        var citations = CitationNumbering.Assign(document, data.References.Keys.ToHashSet(StringComparer.Ordinal), source, problems);
        var structure = PageStructure.Of(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        SiteMarkdown.Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        return new RenderedPage(writer.ToString(), structure.Toc, structure.Anchors, structure.Sections, links, citations, problems);
    }
}
