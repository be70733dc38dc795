namespace LdnSite.Markdown;

using LdnSite.Content;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Markdown.Citations;

/// <summary>
/// What the rest of the site needs to know of a page's Markdown, read from one parse. The body
/// is kept as UTF-8 bytes until the page is written.
/// </summary>
/// <param name="Toc">h2/h3 headings.</param>
/// <param name="Anchors">Every id a link may name: headings, {#id} attributes and ids in raw HTML.</param>
/// <param name="Sections">The page's text split at its h2 and h3 headings, what search indexes.</param>
/// <param name="Links">Links to other pages, to check.</param>
/// <param name="Citations">Sources cited, in number order.</param>
/// <param name="JsonLd">Structured data for the page's head (FAQ pages), or null.</param>
/// <param name="Problems">What is wrong with the page.</param>
/// <param name="Body">The page's body HTML, rendered from the same parse.</param>
/// <param name="Reading">How easy the page's prose is to read.</param>
public sealed record PageAnalysis(
    IReadOnlyList<TocEntry> Toc,
    IReadOnlySet<string> Anchors,
    IReadOnlyList<PageSection> Sections,
    IReadOnlyList<InternalLink> Links,
    IReadOnlyList<CitedSource> Citations,
    string? JsonLd,
    IReadOnlyList<Diagnostic> Problems,
    PackedText Body,
    Readability.ReadingLevel Reading);
