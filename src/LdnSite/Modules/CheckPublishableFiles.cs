namespace LdnSite.Modules;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>
/// Files beside the pages are published as they are, outside every check pages get, so only
/// kinds that cannot run script or change how the host serves the site are: images, PDFs and
/// plain text. HTML, scripts, SVG (which can hold script) and the host's own files (_headers,
/// _redirects, netlify.toml) are skipped with a warning naming each.
/// </summary>
public sealed class CheckPublishableFiles : DocumentModule
{
    /// <summary>Extensions published beside the pages.</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf", ".txt", ".csv",
    };

    /// <inheritdoc />
    protected override Document? Process(Document document, IExecutionContext context)
    {
        if (Content.PublishRules.SiteFolderOf(document.Source) is { } siteFolder)
        {
            context.Diagnostics.Add(Content.PublishRules.InSiteFolder(document.Source, siteFolder));
            return null;
        }

        if (Extensions.Contains(Path.GetExtension(document.Source)))
        {
            return document;
        }

        context.Diagnostics.Add(Diagnostic.Warning(document.Source, 0, 0, "LDN080",
            $"Not published: only images, PDFs and text files ({string.Join(", ", Extensions)}) are published beside pages; HTML, scripts, SVG and host settings could run script or change how the site is served."));
        return null;
    }
}
