namespace LdnSite.Modules;

using System.Security;
using System.Text;
using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>
/// Writes <c>sitemap.xml</c> (every page but search, with its review date as last modified) and
/// a <c>robots.txt</c> that points to it, using the site's absolute base URL.
/// </summary>
public sealed class BuildSitemap(SiteSettings settings, ReuseRegister reuse) : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        if (settings.Strict && settings.HasPlaceholderBaseUrl)
        {
            // Canonical links, the sitemap and the feed would all point at a site that is not this one.
            context.Diagnostics.Add(Engine.Diagnostics.Diagnostic.Error("--base-url", 0, 0, "LDN104",
                $"--base-url is still the placeholder {settings.NormalizedBaseUrl}; a --strict build is for publishing, so pass the address the site is published at."));
        }

        var files = reuse.Sitemap.For(context, context.Outputs(SitePipelines.Content), "", _ => Sitemap(context));
        return Task.FromResult(files);
    }


    private IReadOnlyList<Document> Sitemap(IExecutionContext context)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        var pages = context.Outputs(SitePipelines.Content)
            .Select(d => (Page: d.Get(PageKeys.Page), d.Get(PageKeys.FrontMatter).LastReviewed))
            .Where(p => p.Page.Kind.InSitemap)
            .OrderBy(p => p.Page.Destination, StringComparer.Ordinal);
        foreach (var (page, lastReviewed) in pages)
        {
            var url = settings.AbsoluteUrl(page.Destination);
            xml.Append("  <url><loc>").Append(SecurityElement.Escape(url)).Append("</loc>");
            if (lastReviewed is not null)
            {
                xml.Append("<lastmod>").Append(lastReviewed).Append("</lastmod>");
            }

            xml.Append("</url>\n");
        }

        xml.Append("</urlset>\n");
        var robots = $"User-agent: *\nAllow: /\nSitemap: {settings.NormalizedBaseUrl}sitemap.xml\n";
        return
        [
            new Document("", "sitemap.xml", Metadata.Empty, new TextContent(xml.ToString())),
            new Document("", "robots.txt", Metadata.Empty, new TextContent(robots)),
        ];
    }
}
