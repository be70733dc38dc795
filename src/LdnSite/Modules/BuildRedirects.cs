namespace LdnSite.Modules;

using System.Text;
using LdnSite.Content;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Urls;

/// <summary>
/// Turns each page's <c>redirect_from</c> addresses into Netlify's <c>_redirects</c> file (301),
/// so links to a moved page keep working. An old address that is still a page's address is an
/// error: the redirect would hide that page. The documents it is given pass through.
/// </summary>
public sealed class BuildRedirects(SiteSettings settings, ReuseRegister reuse) : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var pages = context.Outputs(SitePipelines.Content);
        IReadOnlyList<Document> files = reuse.Redirects.For(context, pages, "", reported => Redirects(pages, reported)) is { } redirects ? [.. inputs, redirects] : inputs;
        return Task.FromResult(files);
    }


    private Document? Redirects(IReadOnlyList<Document> pages, List<Diagnostic> reported)
    {
        // Pages that clash are reported by the engine's path check; here the first one is enough.
        var addresses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
        {
            addresses.TryAdd(Address(page.Destination), page.Source);
        }

        var basePath = settings.BasePath.TrimEnd('/');
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in pages)
        {
            foreach (var from in document.Get(PageKeys.FrontMatter).RedirectFrom)
            {
                var normalized = from.EndsWith('/') || Path.HasExtension(from) ? from : from + "/";
                if (addresses.TryGetValue(normalized, out var owner))
                {
                    reported.Add(Diagnostic.Error(document.Source, 1, 1, "LDN014",
                        $"'redirect_from: {from}' is the address of {owner}; a redirect there would hide that page. Remove it from one of them."));
                    continue;
                }

                if (claimed.TryGetValue(normalized, out var first) && first != document.Source)
                {
                    // Netlify follows the first rule for an address: the other page's would be silently dead.
                    reported.Add(Diagnostic.Error(document.Source, 1, 1, "LDN014",
                        $"'redirect_from: {from}' is claimed by {first} too; an old address can lead to one page only. Remove it from one of them."));
                    continue;
                }

                claimed.TryAdd(normalized, document.Source);
                lines.Add($"{basePath}{normalized}  {basePath}{Address(document.Destination)}  301");
            }
        }

        if (lines.Count == 0 || settings.LinkStyle == LinkStyle.File)
        {
            return null;
        }

        var text = new StringBuilder("# Written by the build from each page's redirect_from.\n");
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return new Document("", "_redirects", Metadata.Empty, new TextContent(text.ToString()));
    }

    private static string Address(string destination) => "/" + SitePaths.FromRoot(destination, LinkStyle.Pretty);
}
