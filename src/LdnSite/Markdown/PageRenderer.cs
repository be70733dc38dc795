namespace LdnSite.Markdown;

using LdnSite.Content;
using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Markdown.Citations;
using LdnSite.Markdown.Glossary;
using LdnSite.Markdown.Links;
using LdnSite.Markdown.Structure;
using LdnSite.Search;
using LdnSite.Urls;
using Markdig.Syntax;

/// <summary>
/// Turns a page's Markdown into what the site needs, with every transform done on the Markdig
/// syntax tree (links, citations, glossary terms); no HTML is parsed back. <see cref="Analyze"/>
/// runs while pages are processed and keeps only small facts; <see cref="RenderBody"/> runs when
/// the page is written, so a large site never holds every page's HTML at once.
/// </summary>
public sealed class PageRenderer(SiteSettings settings, SiteData data, IReadOnlySet<string> pageSources)
{
    private const string GlossaryPage = "glossary/index.html";
    private readonly LinkRewriter _links = new(settings.InputFolder, settings.LinkStyle, pageSources);
    private readonly GlossaryLinker _glossary = new(data.Glossary);
    private readonly HashSet<string> _referenceKeys = data.References.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The page's structure, links, citations and search entry, and what is wrong with it.</summary>
    public PageAnalysis Analyze(PageInfo page, string markdown)
    {
        var problems = new List<Diagnostic>();
        var document = Markdig.Markdown.Parse(markdown, SiteMarkdown.Pipeline);
        var (links, citations) = Transform(document, page, problems, glossary: null);
        var structure = PageStructure.Of(document);
        var jsonLd = page.Layout == "faq" ? FaqSchema.JsonLd(document) : null;
        return new PageAnalysis(structure.Toc, structure.Anchors, SearchIndexWriter.Entry(page, structure.Sections), links, citations.Sources(), jsonLd, problems);
    }

    /// <summary>The page's body as HTML (its problems were reported by <see cref="Analyze"/>).</summary>
    public string RenderBody(PageInfo page, string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, SiteMarkdown.Pipeline);
        var glossaryLink = SitePaths.Relative(page.Destination, GlossaryPage, settings.LinkStyle);
        var glossary = page.Destination == GlossaryPage ? null : _glossary.ForPage(term => glossaryLink + "#" + term.Anchor);
        Transform(document, page, new List<Diagnostic>(), glossary);

        // Markdig rents its renderer from the pipeline, so nothing is set up per page.
        return Markdig.Markdown.ToHtml(document, SiteMarkdown.Pipeline);
    }

    // One walk over the page's inlines: links rewritten and checked, citations numbered, and
    // (when rendering) glossary terms linked, all in reading order.
    private (List<InternalLink> Links, CitationNumbering Citations) Transform(MarkdownDocument document, PageInfo page, List<Diagnostic> problems, GlossaryLinker.PageGlossary? glossary)
    {
        var links = new List<InternalLink>();
        var citations = new CitationNumbering(_referenceKeys, page.Source, problems);
        SyntaxWalker.Walk(document, (inline, leaf, inLink) =>
        {
            switch (inline)
            {
                case Markdig.Syntax.Inlines.LinkInline link:
                    _links.Rewrite(link, page.Source, page.Destination, problems, links);
                    break;
                case CitationInline citation:
                    citations.Visit(citation);
                    break;
                default:
                    glossary?.Visit(inline, leaf, inLink);
                    break;
            }
        });
        return (links, citations);
    }
}
