namespace LdnSite.Markdown;

using LdnSite.Content;
using LdnSite.Engine.Diagnostics;
using LdnSite.Markdown.Citations;

/// <summary>Everything rendering one page's Markdown yields; cached whole by content hash.</summary>
/// <param name="BodyHtml">The body as HTML.</param>
/// <param name="Toc">h2/h3 headings.</param>
/// <param name="Anchors">Heading ids.</param>
/// <param name="Sections">Plain-text sections for search.</param>
/// <param name="Links">Links to other pages, to check.</param>
/// <param name="Citations">Sources cited, in number order.</param>
/// <param name="JsonLd">Structured data for the page's head (FAQ pages), or null.</param>
/// <param name="Problems">What is wrong with the page.</param>
public sealed record RenderedPage(
    string BodyHtml,
    IReadOnlyList<TocEntry> Toc,
    IReadOnlySet<string> Anchors,
    IReadOnlyList<PageSection> Sections,
    IReadOnlyList<InternalLink> Links,
    IReadOnlyList<CitedSource> Citations,
    string? JsonLd,
    IReadOnlyList<Diagnostic> Problems);
