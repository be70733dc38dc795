namespace LdnSite.Markdown;

using LdnSite.Content;
using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Markdown.Citations;
using LdnSite.Markdown.Claims;
using LdnSite.Markdown.Glossary;
using LdnSite.Markdown.Links;
using LdnSite.Markdown.Readability;
using LdnSite.Markdown.Sanitizing;
using LdnSite.Markdown.Structure;
using LdnSite.Markdown.StudyLists;
using LdnSite.Search;
using LdnSite.Urls;
using Markdig.Syntax;

/// <summary>
/// Turns a page's Markdown into everything the site needs from it in one parse and one walk of
/// the Markdig syntax tree (links, citations, glossary terms, unsafe markup), then renders the
/// body from that same tree. No HTML is parsed back: raw HTML is cleaned where it occurs, so
/// what Markdown emits never passes through the sanitiser.
/// </summary>
public sealed class PageRenderer(SiteSettings settings, SiteData data, IReadOnlySet<string> pageSources, IReadOnlySet<string> inputFiles)
{
    private readonly LinkRewriter _links = new(settings.LinkStyle, pageSources, inputFiles);
    private readonly GlossaryLinker _glossary = new(data.Glossary);

    // Terms link to their entry on the glossary page; a site without that page gets no links to it.
    private readonly bool _hasGlossaryPage = pageSources.Any(s => SitePaths.DestinationOf(s) == KnownPages.Glossary);
    private readonly IReadOnlyDictionary<string, int> _referenceNumbers = data.ReferenceNumbers;

    // What is held of each page until it is written (body, search entry, terms) is compressed only on a large site.
    private readonly TextPacking _packing = TextPackingRule.ForSiteOf(pageSources.Count);

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
        var unsafeMarkup = new UnsafeMarkup(page.Source, settings.Strict, problems);
        unsafeMarkup.CheckHeadings(document);

        // Structure is read before the walk below links glossary terms, so headings and search text are the author's words.
        var structure = PageStructure.Of(document);
        var jsonLd = page.Kind.Faq ? FaqSchema.JsonLd(document) : null;

        var links = new List<InternalLink>();
        var citations = new CitationNumbering(_referenceNumbers, page.Source, problems, data.ReferencesComplete);
        var rootPrefix = settings.RootPrefixFor(page);
        var glossaryLink = SitePaths.Link(page.Destination, KnownPages.Glossary, settings.LinkStyle, rootPrefix);
        var glossary = page.Destination == KnownPages.Glossary || !_hasGlossaryPage ? null : _glossary.ForPage(term => glossaryLink + "#" + term.Anchor);
        // Ids a link may name besides the headings': set with {#id} on any block or inline, or in raw HTML (read after the walk, as kept).
        var anchors = new HashSet<string>(structure.Anchors, StringComparer.Ordinal);
        void AddAnchors(Markdig.Syntax.IMarkdownObject node)
        {
            if (Markdig.Renderers.Html.HtmlAttributesExtensions.TryGetAttributes(node)?.Id is { Length: > 0 } id)
            {
                anchors.Add(id);
            }
        }

        var evidenceLink = SitePaths.Link(page.Destination, KnownPages.Evidence, settings.LinkStyle, rootPrefix);
        void VisitBlock(Block block)
        {
            unsafeMarkup.VisitBlock(block);
            AddAnchors(block);
            if (block is Markdig.Extensions.Tables.Table table)
            {
                Tables.TableAlignment.ToClasses(table);
            }

            if (block is Markdig.Extensions.CustomContainers.CustomContainer { Info: StudyList.Name } studies)
            {
                StudyList.Prepare(studies, data, evidenceLink, page.Source, problems);
            }
            else if (block is Markdig.Extensions.CustomContainers.CustomContainer other)
            {
                // Markdig would make any '::: word' a <div class="word"> that no style knows: a
                // misspelt '::: studies' would silently become an empty box.
                problems.Add(Diagnostic.Error(page.Source, other.Line + 1, other.Column + 1, "LDN047",
                    $"'::: {other.Info}' is not a block this site knows; the only one is '::: {StudyList.Name} <condition>' (a list of a condition's studies), closed by ':::' on the next line."));
            }
        }

        ClaimCoverage.Check(document, page, settings.Strict, problems);
        var reading = Readability.Readability.Of(document);
        // A few sentences give no meaningful reading level, so short pages are not judged.
        if (page.Kind.Medical && reading.Words >= ReadingLevel.MinimumWords && (reading.Grade > settings.MaxReadingGrade || reading.Ease < settings.MinReadingEase))
        {
            problems.Add(Diagnostic.Warning(page.Source, 1, 1, "LDN036",
                $"The page reads at grade {reading.Grade:0.0} with reading ease {reading.Ease:0} (targets: grade {settings.MaxReadingGrade:0.#} or below, ease {settings.MinReadingEase:0} or above). Use shorter sentences and everyday words."));
        }

        SyntaxWalker.Walk(document, VisitBlock, (inline, leaf, inLink) =>
        {
            unsafeMarkup.VisitInline(inline);
            AddAnchors(inline);
            switch (inline)
            {
                case Markdig.Syntax.Inlines.LinkInline link:
                    _links.Rewrite(link, page.Source, page.Destination, problems, links, rootPrefix);
                    break;
                case MalformedCitationInline malformed:
                    problems.Add(Diagnostic.Error(page.Source, malformed.Line + 1, malformed.Column + 1, "LDN031",
                        $"'{malformed.Written}' is written like a citation but is not one. Write [@key] or [@key1; @key2], where a key holds only letters, digits, '_', '-', ':' and '.' (no spaces or page numbers); to show the text itself, write \\[@ instead."));
                    break;
                case CitationInline citation:
                    citations.Visit(citation);
                    KeepWithPreviousWord(citation);
                    break;
                default:
                    glossary?.Visit(inline, leaf, inLink);
                    break;
            }
        });

        unsafeMarkup.DropComments();
        anchors.UnionWith(unsafeMarkup.RawIds);

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

        return new PageAnalysis(structure.Toc, anchors, SearchIndexWriter.Entry(page, structure.Sections, _packing), PageTerms.From(page.Title, structure.Sections, secondary: false, _packing), links, citations.Sources(), jsonLd, problems, body, reading);
    }

    // "a claim [1]": the space before a citation mark becomes a no-break space, so the mark never
    // wraps onto a line of its own.
    private static void KeepWithPreviousWord(CitationInline citation)
    {
        // The text before is shortened in place, not copied: a page has hundreds of citations.
        if (citation.PreviousSibling is Markdig.Syntax.Inlines.LiteralInline { Content: { Length: > 0 } content } literal && char.IsWhiteSpace(content.Text[content.End]))
        {
            var end = content.End;
            while (end >= content.Start && char.IsWhiteSpace(content.Text[end]))
            {
                end--;
            }

            literal.Content = new Markdig.Helpers.StringSlice(content.Text, content.Start, end);
            citation.NoBreakBefore = true;
        }
    }
}
