namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Search;

/// <summary>Makes <c>assets/search-index.js</c> from every page's sections (pages kept out of navigation are not indexed).</summary>
public sealed class BuildSearchIndex : IModule
{
    /// <summary>Where the index is written.</summary>
    public const string Destination = "assets/search-index.js";

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var pages = context.Outputs(SitePipelines.Content)
            .Select(d => (Page: d.Get(PageKeys.Page), Sections: d.Get(PageKeys.Sections)))
            .Where(p => !p.Page.HideFromNav);
        IReadOnlyList<Document> index = [new Document("", Destination, Metadata.Empty, new TextContent(SearchIndexWriter.Write(pages)))];
        return Task.FromResult(index);
    }
}
