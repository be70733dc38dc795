namespace LdnSite.Assets;

using System.Security.Cryptography;
using LdnSite.Engine.Documents;

/// <summary>
/// Content-hashed names for the theme's files and the search index
/// (<c>assets/css/site.css</c> → <c>assets/css/site.3f9a1c2b7d.css</c>): a name changes when, and
/// only when, the content does, so a CDN may keep each file for a year and a deploy still never
/// serves yesterday's script beside today's pages.
/// </summary>
public static class AssetNames
{
    /// <summary>The asset's name before hashing, e.g. "assets/css/site.css".</summary>
    public static readonly MetadataKey<string> LogicalPath = new("asset-logical-path");

    /// <summary>The hashed form of <paramref name="path"/> for content with <paramref name="hash"/>.</summary>
    public static string Hashed(string path, ReadOnlySpan<byte> hash)
    {
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        var stamp = Convert.ToHexStringLower(hash)[..10];
        return dot > slash ? $"{path[..dot]}.{stamp}{path[dot..]}" : $"{path}.{stamp}";
    }

    /// <summary>The hashed name of a file's content.</summary>
    public static string ForFile(string path, string fullPath)
    {
        using var stream = new Engine.Documents.FileContent(fullPath).OpenRead();
        return Hashed(path, SHA256.HashData(stream));
    }
}

/// <summary>The hashed addresses of the files every page loads, as the layouts see them (site.assets.css …).</summary>
/// <param name="Css">The stylesheet.</param>
/// <param name="Js">The site script.</param>
/// <param name="Favicon">The icon.</param>
/// <param name="ShareImage">The image link previews show.</param>
/// <param name="SearchEngine">MiniSearch.</param>
/// <param name="SearchIndex">The search index.</param>
public sealed record AssetModel(string Css, string Js, string Favicon, string ShareImage, string SearchEngine, string SearchIndex)
{
    /// <summary>The addresses from the documents that carry <see cref="AssetNames.LogicalPath"/>.</summary>
    public static AssetModel From(IEnumerable<Document> assets)
    {
        var names = assets
            .Where(d => d.Metadata.GetOrDefault(AssetNames.LogicalPath, "").Length > 0)
            .ToDictionary(d => d.Get(AssetNames.LogicalPath), d => d.Destination, StringComparer.Ordinal);
        string Name(string logical) => names.GetValueOrDefault(logical, logical);
        return new AssetModel(
            Name("assets/css/site.css"),
            Name("assets/js/site.js"),
            Name("assets/images/favicon.svg"),
            Name("assets/images/share.png"),
            Name("assets/vendor/minisearch.js"),
            Name("assets/search-index.js"));
    }

    /// <summary>A fingerprint of every address, for the layout cache key.</summary>
    public string Fingerprint => Engine.Modules.BuildCache.Key(Css, Js, Favicon, ShareImage, SearchEngine, SearchIndex);
}
