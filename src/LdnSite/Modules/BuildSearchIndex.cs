namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Search;

/// <summary>
/// Makes the search index from every page's sections (pages kept out of navigation are not
/// indexed): a manifest (<c>assets/search-index.&lt;hash&gt;.js</c>, named on every page), term
/// chunks (<c>assets/search/chunk.&lt;hash&gt;.js</c>) and one results file per page
/// (<c>search/pages/&lt;n&gt;.js</c>). The browser loads the manifest, then only the chunks and
/// results files a query needs.
/// </summary>
public sealed class BuildSearchIndex(SiteSettings settings) : IModule
{
    /// <summary>The manifest's name before hashing.</summary>
    public const string Destination = "assets/search-index.js";

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var content = context.Outputs(SitePipelines.Content);
        var data = Data.SiteData.From(context);
        var pages = content
            .Where(d => !d.Get(PageKeys.Page).HideFromNav)
            .Select(d => new SearchPage(d.Destination, d.Get(PageKeys.SearchEntry), d.Get(PageKeys.SearchTerms), Secondary: false))
            .ToList();

        // Glossary terms and sources are results of their own, each opening its entry.
        var glossaryPage = content.Select(d => d.Get(PageKeys.Page)).FirstOrDefault(p => p.Layout == "glossary");
        if (glossaryPage is not null && data.Glossary.Count > 0)
        {
            var terms = data.Glossary.Select(t => new PageSection(t.Anchor, t.Aliases.Count > 0 ? $"{t.Term} ({string.Join(", ", t.Aliases)})" : t.Term, t.Definition)).ToList();
            pages.Add(Secondary(glossaryPage with { Title = "Glossary" }, terms));
        }

        var referencesPage = content.Select(d => d.Get(PageKeys.Page)).FirstOrDefault(p => p.Layout == "references");
        if (referencesPage is not null && data.References.Count > 0)
        {
            var sources = data.References.Values.Select(Evidence.StudyFacts.Of)
                .Select(f => new PageSection("source-" + f.Key, $"{f.ShortName}: {f.Design}", $"{f.Citation} {f.Outcome}".Trim())).ToList();
            pages.Add(Secondary(referencesPage with { Title = "Sources" }, sources));
        }

        // Pages that share a path with glossary terms or sources (the glossary and sources pages
        // themselves) are indexed and ranked as those entries are, as they always were.
        var secondaryPaths = pages.Where(p => p.Secondary).Select(p => p.Destination).ToHashSet(StringComparer.Ordinal);
        pages = [.. pages.Select(p => p.Secondary || !secondaryPaths.Contains(p.Destination) ? p : p with { Terms = SearchIndexWriter.TermsOf(p.Entry, secondary: true), Secondary = true })];

        // Output-path order (a stable sort: a page stays before the glossary terms or sources that share its path);
        // a page's index is part of its documents' ids and of its results file's name.
        pages = [.. pages.OrderBy(p => p.Destination, StringComparer.Ordinal)];

        var chunks = SearchChunks.Build(pages, settings.SearchChunkPostings, (first, block) => MadeBlock(context, first, block));

        var manifest = SearchIndexWriter.Manifest(pages, chunks, SearchIndexWriter.Abbreviations(data.Glossary));

        // The dev server keeps one name for the manifest: a new name after every edit would change
        // every page's HTML (each names it), so a one-page edit would re-render the whole site.
        var destination = settings.LiveReload ? Destination : Assets.AssetNames.Hashed(Destination, System.Security.Cryptography.SHA256.HashData(manifest));
        var documents = new List<Document>(chunks.Count + pages.Count + 1)
        {
            new Document("", destination, Metadata.Empty, new BytesContent(manifest, NamedByContent: !settings.LiveReload)).With(Assets.AssetNames.LogicalPath, Destination),
        };
        // A chunk's name stands for its bytes, so a rebuild writes only chunks with new names, and
        // each is made only as it is written.
        documents.AddRange(chunks.Select(c => new Document("", c.Destination, Metadata.Empty, new DeferredBytesContent(c.WriteTo, c.Destination))));
        documents.AddRange(pages.Select((p, i) => new Document("", $"{SearchIndexWriter.PageFolder}{i}.js", Metadata.Empty, new DeferredBytesContent(output => SearchIndexWriter.WritePageScript(i, p.Entry, output), (i, p.Entry)))));
        return Task.FromResult<IReadOnlyList<Document>>(documents);
    }

    private static PostingBlock MadeBlock(IExecutionContext context, int first, IReadOnlyList<SearchPage> pages) =>
        context.Cache.Enabled
            ? context.Cache.GetOrAdd(nameof(PostingBlock), CacheKeys.SearchBlock(first, pages), () => PostingBlock.Of(pages, first))
            : PostingBlock.Of(pages, first);

    private static SearchPage Secondary(PageInfo page, IReadOnlyList<PageSection> sections) =>
        new(page.Destination, SearchIndexWriter.Entry(page, sections), PageTerms.From(page.Title, sections, secondary: true), Secondary: true);
}
