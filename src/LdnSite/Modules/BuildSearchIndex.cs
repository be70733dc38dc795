namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Search;

/// <summary>Makes <c>assets/search-index.&lt;hash&gt;.js</c> from every page's search entry (pages kept out of navigation are not indexed).</summary>
public sealed class BuildSearchIndex(SiteSettings settings) : IModule
{
    /// <summary>The index's name before hashing.</summary>
    public const string Destination = "assets/search-index.js";

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var content = context.Outputs(SitePipelines.Content);
        var data = Data.SiteData.From(context);
        var pages = content
            .Where(d => !d.Get(PageKeys.Page).HideFromNav)
            .Select(d => (d.Destination, d.Get(PageKeys.SearchEntry)))
            .ToList();

        // Glossary terms and sources are results of their own, each opening its entry.
        var glossaryPage = content.Select(d => d.Get(PageKeys.Page)).FirstOrDefault(p => p.Layout == "glossary");
        if (glossaryPage is not null && data.Glossary.Count > 0)
        {
            var terms = data.Glossary.Select(t => new PageSection(t.Anchor, t.Aliases.Count > 0 ? $"{t.Term} ({string.Join(", ", t.Aliases)})" : t.Term, t.Definition)).ToList();
            pages.Add((glossaryPage.Destination, SearchIndexWriter.Entry(glossaryPage with { Title = "Glossary" }, terms)));
        }

        var referencesPage = content.Select(d => d.Get(PageKeys.Page)).FirstOrDefault(p => p.Layout == "references");
        if (referencesPage is not null && data.References.Count > 0)
        {
            var sources = data.References.Values.Select(Evidence.StudyFacts.Of)
                .Select(f => new PageSection("source-" + f.Key, $"{f.ShortName}: {f.Design}", $"{f.Citation} {f.Outcome}".Trim())).ToList();
            pages.Add((referencesPage.Destination, SearchIndexWriter.Entry(referencesPage with { Title = "Sources" }, sources)));
        }

        var abbreviations = SearchIndexWriter.Abbreviations(data.Glossary);
        string[] secondary = [.. new[] { glossaryPage?.Destination, referencesPage?.Destination }.OfType<string>()];
        pages.Sort((a, b) => string.CompareOrdinal(a.Destination, b.Destination));

        // The dev server keeps one name: a new name after every edit would change every page's
        // HTML (each names the index), so a one-page edit would re-render the whole site.
        var destination = settings.LiveReload ? Destination : Assets.AssetNames.Hashed(Destination, Hash(pages, abbreviations, secondary));
        IReadOnlyList<Document> index = [new Document("", destination, Metadata.Empty, new StreamedContent(stream => SearchIndexWriter.Write(stream, pages, abbreviations, secondary))).With(Assets.AssetNames.LogicalPath, Destination)];
        return Task.FromResult(index);
    }

    // The index is streamed to its file, so its name is hashed from what it is made of: every
    // entry, in the order written, the abbreviations, the secondary pages and the format version.
    private static byte[] Hash(List<(string Destination, CompactText Entry)> pages, CompactText abbreviations, string[] secondary)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(SearchIndexWriter.FormatVersion));
        hash.AppendData(abbreviations.Utf8);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', secondary)));
        foreach (var (_, entry) in pages)
        {
            hash.AppendData(entry.Utf8);
        }

        return hash.GetHashAndReset();
    }
}
