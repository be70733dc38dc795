namespace LdnSite.Markdown;

using LdnSite.Content;
using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Markdown.Citations;
using LdnSite.Markdown.Claims;
using LdnSite.Markdown.DataBlocks;
using LdnSite.Markdown.Glossary;
using LdnSite.Markdown.Links;
using LdnSite.Markdown.Readability;
using LdnSite.Markdown.Sanitizing;
using LdnSite.Markdown.Structure;
using LdnSite.Urls;
using Markdig.Syntax;

/// <summary>
/// Turns a page's Markdown into everything the site needs from it in one parse and one walk of
/// the Markdig syntax tree (<see cref="PageWalk"/>, with each feature's visitor from its own
/// folder: unsafe markup, anchors, tables, data blocks, claims, structure, FAQ data, prose,
/// links, citations, glossary terms), then renders the body from that same tree. No HTML is parsed back: raw HTML is cleaned where it occurs, so
/// what Markdown emits never passes through the sanitiser.
/// </summary>
public sealed class PageRenderer(SiteSettings settings, SiteData data, IReadOnlySet<string> pageSources, IReadOnlySet<string> inputFiles)
{
    private readonly LinkRewriter _links = new(settings.LinkStyle, pageSources, inputFiles);
    private readonly GlossaryLinker _glossary = new(data.Glossary);

    // Terms link to their entry on the glossary page, and data blocks link sources to the evidence
    // table and the references page, only where those pages exist (one pass over the page set).
    private readonly HashSet<string> _knownPages = pageSources.Select(SitePaths.DestinationOf)
        .Where(d => d is KnownPages.Glossary or KnownPages.Evidence or KnownPages.References).ToHashSet(StringComparer.Ordinal);

    private bool HasGlossaryPage => _knownPages.Contains(KnownPages.Glossary);
    private readonly IReadOnlyDictionary<string, int> _referenceNumbers = data.ReferenceNumbers;

    // What is held of each page until it is written (body, search entry, terms) is compressed only on a large site.
    private readonly TextPacking _packing = TextPackingRule.ForSiteOf(pageSources.Count);

    /// <summary>How text held until writing is packed on this site (the body here, the search entry and terms in the search index's format).</summary>
    public TextPacking Packing => _packing;

    /// <summary>The page's structure, links, citations, search entry and body, and what is wrong with it.</summary>
    public PageAnalysis Render(PageInfo page, string markdown)
    {
        try
        {
            return RenderChecked(page, markdown);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig's own depth guard (emphasis, brackets) while parsing or rendering; block
            // nesting is refused earlier, in SourceText.
            throw new InputException(Diagnostic.Error(page.Source, 1, 1, "LDN012", "The Markdown nests too deeply (emphasis, brackets or tables inside each other). Flatten the structure."));
        }
    }

    private PageAnalysis RenderChecked(PageInfo page, string markdown)
    {
        var problems = new List<Diagnostic>();
        var document = Markdig.Markdown.Parse(markdown, SiteMarkdown.Pipeline);
        var rootPrefix = settings.RootPrefixFor(page);
        var glossaryLink = SitePaths.Link(page.Destination, KnownPages.Glossary, settings.LinkStyle, rootPrefix);
        var evidenceLink = SitePaths.Link(page.Destination, KnownPages.Evidence, settings.LinkStyle, rootPrefix);
        var blockLinks = new DataBlockLinks(
            _knownPages.Contains(KnownPages.Evidence) ? evidenceLink : null,
            _knownPages.Contains(KnownPages.References) ? SitePaths.Link(page.Destination, KnownPages.References, settings.LinkStyle, rootPrefix) : null,
            source => pageSources.Contains(source) ? SitePaths.Link(page.Destination, SitePaths.DestinationOf(source), settings.LinkStyle, rootPrefix) : null);

        // Each feature's visitor, from its own folder, in the order they see each block and inline:
        // the unsafe-markup check first, so everything after it reads only checked ids, URLs and
        // HTML; the readers of text (structure, FAQ data, prose) get each block's text before the
        // inline visitors change it (glossary links, the space before a citation).
        var unsafeMarkup = new UnsafeMarkup(page.Source, settings.Strict, problems);
        var anchors = new AnchorCollector();
        var structure = new PageStructure.Collector();
        var faq = page.Kind.Faq ? new FaqSchema() : null;
        var prose = new Readability.Readability.Prose();
        var links = new List<InternalLink>();
        var citations = new CitationNumbering(_referenceNumbers, page.Source, problems, data.ReferencesComplete);
        var glossary = page.Destination == KnownPages.Glossary || !HasGlossaryPage ? null : _glossary.ForPage(term => glossaryLink + "#" + term.Anchor);
        new PageWalk(
        [
            unsafeMarkup,
            anchors,
            new Tables.TableAlignment(),
            new DataBlockVisitor(data, blockLinks, page.Source, problems),
            ClaimCoverage.For(page, settings.Strict, problems),
            structure,
            faq,
            prose,
            _links.ForPage(page.Source, page.Destination, problems, links, rootPrefix),
            new CitationVisitor(citations, page.Source, problems),
            glossary,
        ]).Run(document);

        var pageStructure = structure.Finish();
        var reading = prose.Level;
        // A few sentences give no meaningful reading level, so short pages are not judged.
        if (page.Kind.Medical && reading.Words >= ReadingLevel.MinimumWords && (reading.Grade > settings.MaxReadingGrade || reading.Ease < settings.MinReadingEase))
        {
            problems.Add(Diagnostic.Warning(page.Source, 1, 1, "LDN036",
                $"The page reads at grade {reading.Grade:0.0} with reading ease {reading.Ease:0} (targets: grade {settings.MaxReadingGrade:0.#} or below, ease {settings.MinReadingEase:0} or above). Use shorter sentences and everyday words."));
        }

        unsafeMarkup.DropComments();
        // Ids a link may name: headings', {#id} on any block or inline, and raw HTML's as kept.
        var anchorIds = anchors.Ids;
        anchorIds.UnionWith(pageStructure.Anchors);
        anchorIds.UnionWith(unsafeMarkup.RawIdPlaces.Select(p => p.Id));
        AnchorCollector.ReportRepeated(page.Source, anchors.Places.Concat(unsafeMarkup.RawIdPlaces), problems);

        // Markdig rents its renderer from the pipeline and writes into this thread's reused
        // builder, which is compressed straight from its chunks: no string of the page's HTML.
        var builder = ReusedBuilder.Acquire();
        PackedText body;
        try
        {
            using var html = new StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture);
            Markdig.Markdown.ToHtml(document, html, SiteMarkdown.Pipeline);
            // Raw HTML was cleaned where it occurs; what it left open is closed before the layout goes on.
            builder.Append(unsafeMarkup.CloseRawElements());
            body = PackedText.FromChars(builder, _packing);
        }
        finally
        {
            ReusedBuilder.Release(builder);
        }

        return new PageAnalysis(pageStructure.Toc, anchorIds, pageStructure.Sections, links, citations.Sources(), faq?.JsonLd(), problems, body, reading);
    }
}
