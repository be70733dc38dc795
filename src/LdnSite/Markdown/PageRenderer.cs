namespace LdnSite.Markdown;

using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Markdown.Citations;
using LdnSite.Markdown.Glossary;
using LdnSite.Markdown.Links;
using LdnSite.Markdown.Structure;
using LdnSite.Urls;
using Markdig;

/// <summary>
/// Parses a page once, runs every transform on the syntax tree (links, citations), reads its
/// structure, and renders it once. No HTML is parsed back.
/// </summary>
public sealed class PageRenderer(SiteSettings settings, SiteData data)
{
    private const string GlossaryPage = "glossary/index.html";
    private readonly LinkRewriter _links = new(settings.InputFolder, settings.LinkStyle);
    private readonly GlossaryLinker _glossary = new(data.Glossary);
    private readonly HashSet<string> _referenceKeys = data.References.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>Renders the Markdown of the page at <paramref name="source"/>.</summary>
    public RenderedPage Render(string source, string destination, string layout, string markdown)
    {
        var problems = new List<Diagnostic>();
        var document = Markdig.Markdown.Parse(markdown, SiteMarkdown.Pipeline);
        var links = _links.Rewrite(document, source, destination, problems);
        var citations = CitationNumbering.Assign(document, _referenceKeys, source, problems);
        var structure = PageStructure.Of(document);
        var jsonLd = layout == "faq" ? FaqSchema.JsonLd(document) : null;
        if (destination != GlossaryPage)
        {
            var glossaryLink = SitePaths.Relative(destination, GlossaryPage, settings.LinkStyle);
            _glossary.Link(document, term => glossaryLink + "#" + term.Anchor);
        }

        // Markdig rents its renderer from the pipeline, so nothing is set up per page.
        var html = Markdig.Markdown.ToHtml(document, SiteMarkdown.Pipeline);
        return new RenderedPage(html, structure.Toc, structure.Anchors, structure.Sections, links, citations, jsonLd, problems);
    }
}
