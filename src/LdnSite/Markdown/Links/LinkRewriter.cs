namespace LdnSite.Markdown.Links;

using LdnSite.Content;
using LdnSite.Engine.Diagnostics;
using LdnSite.Markdown.Structure;
using LdnSite.Urls;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using LdnSite.Diagnostics;

/// <summary>
/// One pass over a page's links on the Markdig syntax tree (no HTML parsing): links to other
/// Markdown files become links to their output pages, written relative to this page; external
/// links are marked; images must be local and described. A link to a page that does not exist is
/// reported at once (files are looked up in the build's list of input files, never on disk, so the
/// result depends only on what the build declared it reads); links with a '#fragment' are returned, to check the heading once every page
/// is known (only those are kept, so a large site does not hold every link of every page).
/// </summary>
public sealed class LinkRewriter(LinkStyle style, IReadOnlySet<string> pageSources, IReadOnlySet<string> inputFiles)
{
    /// <summary>This rewriter as one page's visitor in its walk: every link of the page, checked and rewritten, its internal links added to <paramref name="links"/>.</summary>
    public Structure.IInlineVisitor ForPage(string source, string destination, ICollection<Diagnostic> problems, List<InternalLink> links, string rootPrefix) =>
        new PageLinks(this, source, destination, problems, links, rootPrefix);

    private sealed class PageLinks(LinkRewriter rewriter, string source, string destination, ICollection<Diagnostic> problems, List<InternalLink> links, string rootPrefix) : Structure.IInlineVisitor
    {
        public void Visit(Inline inline, Markdig.Syntax.LeafBlock leaf, bool inLink)
        {
            if (inline is LinkInline link)
            {
                rewriter.Rewrite(link, source, destination, problems, links, rootPrefix);
            }
        }
    }

    /// <summary>Rewrites one link; a link to another page is added to <paramref name="links"/>.</summary>
    /// <remarks>
    /// <paramref name="rootPrefix"/> is "" for ordinary pages. The not-found page is served at any
    /// missing path, so its links are written from the site root (<c>/safety/</c>) instead; the
    /// site's Content-Security-Policy forbids the base element that would otherwise do this.
    /// </remarks>
    public void Rewrite(LinkInline link, string source, string destination, ICollection<Diagnostic> problems, List<InternalLink> links, string rootPrefix = "")
    {
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
        var line = link.Line + 1;
        var column = link.Column + 1;
        if (string.IsNullOrEmpty(url))
        {
            problems.Add(Diagnostic.Error(source, line, column, "LDN020", "Link has no target; write [text](page.md) or remove the brackets."));
            return;
        }

        if (link.IsImage && PlainText.Of(link).Length == 0)
        {
            problems.Add(Diagnostic.Error(source, line, column, "LDN023", $"Image '{url}' has no alt text; describe it in the brackets: ![what the image shows]({url})."));
        }

        if (IsExternal(url))
        {
            if (link.IsImage)
            {
                problems.Add(Diagnostic.Error(source, line, column, "LDN024", $"Image '{url}' is loaded from the web; save it under input/ so the site works offline."));
            }
            else if (url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal))
            {
                var attributes = link.GetAttributes();
                attributes.AddClass("external");
                attributes.AddPropertyIfNotExist("rel", "noopener");
            }

            return;
        }

        var hash = url.IndexOf('#');
        var path = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? "" : url[(hash + 1)..];
        if (path.Length == 0)
        {
            if (fragment.Length > 0)
            {
                links.Add(new InternalLink(line, column, url, destination, fragment));
            }

            return;
        }

        var target = SitePaths.ResolveSource(source, Uri.UnescapeDataString(path)) ?? PageAtAddress(destination, Uri.UnescapeDataString(path));
        if (target is null)
        {
            problems.Add(Diagnostic.Error(source, line, column, "LDN021", $"Link '{url}' points outside the input folder."));
            return;
        }

        // A link written as the page's address on the site (/safety/, ../safety/) names the page
        // as well as safety.md does, so it is resolved and rewritten the same way.
        if (!target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !inputFiles.Contains(target) && PageAtAddress(destination, path) is { } addressed)
        {
            target = addressed;
        }

        if (target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            if (!pageSources.Contains(target))
            {
                // A page of that name in another folder is the likeliest meaning (links are relative to the page's own folder).
                var closest = pageSources.FirstOrDefault(p => Path.GetFileName(p) == Path.GetFileName(target)) ?? Closest.Match(target, pageSources);
                problems.Add(Diagnostic.Error(source, line, column, "LDN025", $"Link '{url}' points to a page that does not exist; "
                    + (closest is null ? "check the file name under input/." : $"did you mean '{SitePaths.Relative(source, closest, LinkStyle.File)}' (input/{closest})?")));
                return;
            }

            var targetDestination = SitePaths.DestinationOf(target);
            if (fragment.Length > 0)
            {
                links.Add(new InternalLink(line, column, url, targetDestination, fragment));
            }

            link.Url = SitePaths.Link(destination, targetDestination, style, rootPrefix) + (hash < 0 ? "" : "#" + fragment);
        }
        else if (inputFiles.Contains(target))
        {
            link.Url = SitePaths.Link(destination, target, style, rootPrefix) + (hash < 0 ? "" : "#" + fragment);
        }
        else
        {
            var closest = Closest.Match(target, inputFiles.Concat(pageSources));
            problems.Add(Diagnostic.Error(source, line, column, "LDN022",
                $"Link '{url}' points to no file. Link to another page by its Markdown file (e.g. safety.md) or its address (/safety/), or to a file under input/"
                + (closest is null ? "." : $"; did you mean input/{closest}?")));
        }
    }

    // The page whose address a site URL names: '/safety/' or '../safety/' (from this page's own
    // address), with or without a trailing 'index.html'; null when no page lives there.
    private string? PageAtAddress(string destination, string path)
    {
        var folder = path.StartsWith('/') ? "" : SitePaths.FolderOf(destination);
        var resolved = SitePaths.ResolveSource(folder.Length == 0 ? "x" : folder + "/x", path.TrimStart('/'));
        if (resolved is null)
        {
            return null;
        }

        var address = resolved.EndsWith("index.html", StringComparison.Ordinal) ? resolved : (resolved.Length == 0 ? "" : resolved + "/") + "index.html";
        return _byDestination.GetValueOrDefault(address.TrimStart('/'));
    }

    private readonly Dictionary<string, string> _byDestination = pageSources
        .GroupBy(SitePaths.DestinationOf, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || (url.IndexOf(':') is > 1 and var colon && url[..colon].All(char.IsAsciiLetter));
}
