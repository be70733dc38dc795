namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Search;

/// <summary>Makes <c>assets/search-index.&lt;hash&gt;.js</c> from every page's search entry (pages kept out of navigation are not indexed).</summary>
public sealed class BuildSearchIndex : IModule
{
    /// <summary>The index's name before hashing.</summary>
    public const string Destination = "assets/search-index.js";

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var pages = context.Outputs(SitePipelines.Content)
            .Where(d => !d.Get(PageKeys.Page).HideFromNav)
            .Select(d => (d.Destination, d.Get(PageKeys.SearchEntry)))
            .ToList();
        // The index is streamed to its file, so its name is hashed from what it is made of: every
        // entry, in the order written, and the writer's format version.
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(SearchIndexWriter.FormatVersion));
        foreach (var (_, entry) in pages.OrderBy(p => p.Destination, StringComparer.Ordinal))
        {
            hash.AppendData(entry.Utf8);
        }

        var destination = Assets.AssetNames.Hashed(Destination, hash.GetHashAndReset());
        IReadOnlyList<Document> index = [new Document("", destination, Metadata.Empty, new StreamedContent(stream => SearchIndexWriter.Write(stream, pages))).With(Assets.AssetNames.LogicalPath, Destination)];
        return Task.FromResult(index);
    }
}
