namespace LdnSite.Content;

using LdnSite.Engine.Documents;

/// <summary>The typed metadata a content page carries through the pipelines.</summary>
public static class PageKeys
{
    /// <summary>The parsed front matter.</summary>
    public static readonly MetadataKey<FrontMatter> FrontMatter = new("front-matter");

    /// <summary>Where the page lives and its titles.</summary>
    public static readonly MetadataKey<PageInfo> Page = new("page");

    /// <summary>
    /// The page's text when working out its cache key had to read it (a file saved in the last
    /// two seconds), so the page is parsed from the very text its key was made of.
    /// </summary>
    public static readonly MetadataKey<string> SourceSnapshot = new("source-snapshot");

    /// <summary>The Markdown body (front matter blanked out so line numbers still match the file).</summary>
    public static readonly MetadataKey<string> Markdown = new("markdown");

    /// <summary>The cache key of the page's Process chain, and so of its body: everything the body depends on.</summary>
    public static readonly MetadataKey<string> RenderKey = new("render-key");

    /// <summary>The page's body HTML, rendered from its one parse.</summary>
    public static readonly MetadataKey<PackedText> Body = new("body");

    /// <summary>h2/h3 headings for the per-page table of contents.</summary>
    public static readonly MetadataKey<IReadOnlyList<TocEntry>> Toc = new("toc");

    /// <summary>Every anchor id on the page, to check links with fragments.</summary>
    public static readonly MetadataKey<IReadOnlySet<string>> Anchors = new("anchors");

    /// <summary>Links to other pages, checked in PostProcess.</summary>
    public static readonly MetadataKey<IReadOnlyList<InternalLink>> InternalLinks = new("internal-links");

    /// <summary>The page's search index entry (its h2/h3 sections as plain text), serialised.</summary>
    public static readonly MetadataKey<PackedText> SearchEntry = new("search-entry");
}
