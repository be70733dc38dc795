namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Search;

/// <summary>Makes <c>assets/search-index.js</c> from every page's search entry (pages kept out of navigation are not indexed).</summary>
public sealed class BuildSearchIndex : IModule
{
    /// <summary>Where the index is written.</summary>
    public const string Destination = "assets/search-index.js";

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var pages = context.Outputs(SitePipelines.Content)
            .Where(d => !d.Get(PageKeys.Page).HideFromNav)
            .Select(d => (d.Destination, d.Get(PageKeys.SearchEntry)))
            .ToList();
        IReadOnlyList<Document> index = [new Document("", Destination, Metadata.Empty, new StreamedContent(stream => SearchIndexWriter.Write(stream, pages)))];
        return Task.FromResult(index);
    }
}
