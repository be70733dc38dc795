namespace LdnSite;

/// <summary>
/// The names of the pipelines that make this site, which modules use to read another
/// pipeline's documents; <see cref="Build.SitePipelineSet"/> wires them.
/// </summary>
public static class SitePipelines
{
    /// <summary>References and glossary from <c>input/_data</c>.</summary>
    public const string Data = "Data";

    /// <summary>The list of Markdown pages, so links to pages can be checked while each page is processed.</summary>
    public const string PageSources = "PageSources";

    /// <summary>Markdown pages to HTML pages.</summary>
    public const string Content = "Content";

    /// <summary>Theme assets and files placed beside the Markdown.</summary>
    public const string Assets = "Assets";

    /// <summary>Files placed beside the Markdown (images, PDFs), copied as they are.</summary>
    public const string InputFiles = "InputFiles";

    /// <summary>Front-end packages from npm (MiniSearch).</summary>
    public const string Vendor = "Vendor";

    /// <summary>The search index built from every page's sections.</summary>
    public const string SearchIndex = "SearchIndex";

    /// <summary>The sitemap, feed and redirects.</summary>
    public const string Sitemap = "Sitemap";
}
