namespace LdnSite.Urls;

/// <summary>
/// Maps Markdown sources to pretty output paths (<c>safety.md</c> → <c>safety/index.html</c>)
/// and writes links between output files relative to the page they appear on, so one build
/// works on any host path and, in file style, from <c>file://</c>.
/// </summary>
public static class SitePaths
{
    /// <summary>The output file for a Markdown source.</summary>
    public static string DestinationOf(string source)
    {
        var withoutExtension = source[..^Path.GetExtension(source).Length];
        if (withoutExtension == "404")
        {
            // Static hosts (Netlify among them) serve /404.html for any missing path.
            return "404.html";
        }

        if (withoutExtension == "index" || withoutExtension.EndsWith("/index", StringComparison.Ordinal))
        {
            return withoutExtension + ".html";
        }

        return withoutExtension + "/index.html";
    }

    /// <summary>The link from the page at <paramref name="fromDestination"/> to the file at <paramref name="toDestination"/>.</summary>
    /// <remarks>
    /// Every page links to every menu entry, so this runs about a hundred times a page; it walks
    /// both paths' folders in place and allocates only the link.
    /// </remarks>
    public static string Relative(string fromDestination, string toDestination, LinkStyle style)
    {
        var fromFolder = fromDestination.AsSpan(0, Math.Max(0, fromDestination.LastIndexOf('/')));
        var target = toDestination.AsSpan();
        if (style == LinkStyle.Pretty && (target.SequenceEqual("index.html") || target.EndsWith("/index.html", StringComparison.Ordinal)))
        {
            target = target[..^"index.html".Length];
        }

        // The folders both paths start with, segment by segment; the target's last segment (its
        // file name, or "" for a pretty folder link) is never a shared folder.
        var fromFolders = fromFolder.IsEmpty ? 0 : fromFolder.Count('/') + 1;
        var targetFolders = target.Count('/');
        var common = 0;
        var fromAt = 0;
        var targetAt = 0;
        while (common < fromFolders && common < targetFolders)
        {
            var fromRest = fromFolder[fromAt..];
            var fromSegment = fromRest.IndexOf('/') is var f and >= 0 ? fromRest[..f] : fromRest;
            var targetSegment = target[targetAt..][..target[targetAt..].IndexOf('/')];
            if (!fromSegment.SequenceEqual(targetSegment))
            {
                break;
            }

            common++;
            fromAt += fromSegment.Length + 1;
            targetAt += targetSegment.Length + 1;
        }

        var up = fromFolders - common;
        var rest = target[targetAt..];
        if (up == 0 && rest.IsEmpty)
        {
            return "./";
        }

        var ups = up < Ups.Length ? Ups[up] : string.Concat(Enumerable.Repeat("../", up));
        return string.Concat(ups.AsSpan(), rest);
    }

    // "", "../", "../../", …: the climbs a link starts with, made once.
    private static readonly string[] Ups = [.. Enumerable.Range(0, 16).Select(n => string.Concat(Enumerable.Repeat("../", n)))];

    /// <summary>The path of <paramref name="toDestination"/> from the site root ("safety/", "" for the home page).</summary>
    public static string FromRoot(string toDestination, LinkStyle style) =>
        Relative("index.html", toDestination, style).TrimStart('.', '/');

    /// <summary>
    /// The link from a page to a file: relative to the page, or, when <paramref name="rootPrefix"/>
    /// is set (the not-found page, served at any path), from the site root ("/safety/").
    /// </summary>
    public static string Link(string fromDestination, string toDestination, LinkStyle style, string rootPrefix) =>
        rootPrefix.Length > 0 ? rootPrefix + FromRoot(toDestination, style) : Relative(fromDestination, toDestination, style);

    /// <summary>The folder part of an output path ("" for the root).</summary>
    public static string FolderOf(string destination)
    {
        var slash = destination.LastIndexOf('/');
        return slash < 0 ? "" : destination[..slash];
    }

    /// <summary>
    /// Resolves a link written in a Markdown file to the source it points at: relative to the
    /// file (<c>../safety.md</c>) or from the content root (<c>/safety.md</c>). Null when it
    /// climbs out of the content folder.
    /// </summary>
    public static string? ResolveSource(string fromSource, string link)
    {
        var parts = new List<string>();
        if (!link.StartsWith('/'))
        {
            parts.AddRange(FolderOf(fromSource).Split('/', StringSplitOptions.RemoveEmptyEntries));
        }

        foreach (var part in link.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
