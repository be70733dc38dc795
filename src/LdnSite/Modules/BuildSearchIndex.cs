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
public sealed class BuildSearchIndex(SiteSettings settings, SearchIndexMemory memory) : IModule
{
    /// <summary>The manifest's name before hashing.</summary>
    public const string Destination = "assets/search-index.js";

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var content = context.Outputs(SitePipelines.Content);
        var data = LoadSiteData.Output(context);

        // One pass: the indexed pages, and the glossary and references pages if there are any.
        // A rebuild hands back every page but the edited one as the same document at the same
        // place, and what it gave the index is taken from last time rather than read again.
        var remember = context.Cache.Enabled;
        var (lastContent, lastRead) = (memory.Content, memory.Read);
        var read = new (PageInfo Info, SearchPage? Page)[content.Count];
        var samePaths = remember && content.Count == lastContent.Length;
        var pages = new List<SearchPage>(content.Count + 2);
        PageInfo? glossaryPage = null, referencesPage = null;
        for (var i = 0; i < content.Count; i++)
        {
            var document = content[i];
            if (remember && i < lastContent.Length && ReferenceEquals(document, lastContent[i]))
            {
                read[i] = lastRead[i];
            }
            else
            {
                var info = document.Get(PageKeys.Page);
                read[i] = (info, info.HideFromNav ? null : new SearchPage(document.Destination, document.Get(PageKeys.SearchEntry), document.Get(Search.PageTerms.Key), Secondary: false));
                samePaths &= i < lastRead.Length && read[i].Page?.Destination == lastRead[i].Page?.Destination;
            }

            glossaryPage ??= read[i].Info.Kind.Lists == SiteList.GlossaryTerms ? read[i].Info : null;
            referencesPage ??= read[i].Info.Kind.Lists == SiteList.Sources ? read[i].Info : null;
            if (read[i].Page is { } page)
            {
                pages.Add(page);
            }
        }

        // Output-path order; a page's index is part of its documents' ids and of its results
        // file's name. Pages mostly come in that order already, and a sorted list needs no sort
        // (nor a check, when every path is where it was last time).
        var inOrder = samePaths ? memory.InOrder : InOrder(pages);
        if (remember)
        {
            (memory.Content, memory.Read, memory.InOrder) = ([.. content], read, inOrder);
        }

        if (!inOrder)
        {
            pages = [.. pages.OrderBy(p => p.Destination, StringComparer.Ordinal)];
        }

        // Glossary terms and sources are results of their own, each opening its entry. Each goes
        // after every page whose path is not after its own (as a stable sort would place it).
        if (glossaryPage is not null && data.Glossary.Count > 0)
        {
            var terms = data.Glossary.Select(t => new PageSection(t.Anchor, t.Aliases.Count > 0 ? $"{t.Term} ({string.Join(", ", t.Aliases)})" : t.Term, t.Definition)).ToList();
            InsertInOrder(pages, Secondary(glossaryPage with { Title = "Glossary" }, terms));
        }

        if (referencesPage is not null && data.References.Count > 0)
        {
            var sources = data.References.Values.Select(Evidence.StudyFacts.Of)
                .Select(f => new PageSection("source-" + f.Key, $"{f.ShortName}: {f.Design}", $"{f.Citation} {f.Outcome}".Trim())).ToList();
            InsertInOrder(pages, Secondary(referencesPage with { Title = "Sources" }, sources));
        }

        // Pages that share a path with glossary terms or sources (the glossary and sources pages
        // themselves) are indexed and ranked as those entries are, as they always were.
        foreach (var secondary in pages.Where(p => p.Secondary).Select(p => p.Destination).Distinct().ToList())
        {
            for (var i = 0; i < pages.Count; i++)
            {
                if (!pages[i].Secondary && pages[i].Destination == secondary)
                {
                    pages[i] = pages[i] with { Terms = SearchIndexWriter.TermsOf(pages[i].Entry, secondary: true, EntryPacking), Secondary = true };
                }
            }
        }

        var chunks = SearchChunks.Build(pages, settings.SearchChunkPostings, (first, block) => MadeBlock(context, first, block), context.Cache.Enabled ? memory.ChunkNames : null);
        foreach (var gone in memory.Blocks.Keys.Where(first => first >= pages.Count))
        {
            memory.Blocks.TryRemove(gone, out _);
        }

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
        documents.AddRange(ResultsFiles(pages, context.Cache.Enabled));
        return Task.FromResult<IReadOnlyList<Document>>(documents);
    }

    private static void InsertInOrder(List<SearchPage> pages, SearchPage page)
    {
        var (low, high) = (0, pages.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = string.CompareOrdinal(pages[middle].Destination, page.Destination) <= 0 ? (middle + 1, high) : (low, middle);
        }

        pages.Insert(low, page);
    }

    private static bool InOrder(List<SearchPage> pages)
    {
        for (var i = 1; i < pages.Count; i++)
        {
            if (string.CompareOrdinal(pages[i - 1].Destination, pages[i].Destination) > 0)
            {
                return false;
            }
        }

        return true;
    }

    // Page i's results file is made of i and its entry alone, so a rebuild that finds the same
    // entry at the same place hands back the same document (and the writer skips it by identity).
    private IEnumerable<Document> ResultsFiles(List<SearchPage> pages, bool remember)
    {
        var files = new Document[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            var entry = pages[i].Entry;
            files[i] = remember && i < memory.ResultsFiles.Length && ReferenceEquals(memory.ResultsFiles[i].Entry, entry)
                ? memory.ResultsFiles[i].File
                : ResultsFile(i, entry);
        }

        if (remember)
        {
            memory.ResultsFiles = [.. pages.Select((p, i) => (p.Entry, files[i]))];
        }

        return files;
    }

    private static Document ResultsFile(int index, PackedText entry) =>
        new("", $"{SearchIndexWriter.PageFolder}{index}.js", Metadata.Empty, new DeferredBytesContent(output => SearchIndexWriter.WritePageScript(index, entry, output), (index, entry)));

    // A block's key is made again only when a page's terms are another object than last time at
    // its place (SearchIndexMemory.Blocks). A block not in the cache is made from the last one at
    // its place, when that differs by a few pages (PostingBlock.Of): the cached value is the same
    // either way.
    private PostingBlock MadeBlock(IExecutionContext context, int first, IReadOnlyList<SearchPage> pages)
    {
        if (!context.Cache.Enabled)
        {
            return PostingBlock.Of(pages, first);
        }

        var last = memory.Blocks.GetValueOrDefault(first);
        var samePages = last is not null && last.Terms.Length == pages.Count && pages.Select((p, i) => ReferenceEquals(p.Terms, last.Terms[i])).All(same => same);
        var key = samePages ? last!.Key : CacheKeys.SearchBlock(first, pages);
        var block = ReuseRegister.SearchBlocks.GetOrAdd(context.Cache, key, () => PostingBlock.Of(pages, first, last?.Block));
        if (!samePages || !ReferenceEquals(block, last!.Block))
        {
            memory.Blocks[first] = new SearchIndexMemory.LastBlock(samePages ? last!.Terms : [.. pages.Select(p => p.Terms)], key, block);
        }

        return block;
    }

    // Glossary terms and sources are a few hundred entries at most (LDN048), made again in every
    // build: compressing them would cost time and save little.
    private const TextPacking EntryPacking = TextPacking.Plain;

    private static SearchPage Secondary(PageInfo page, IReadOnlyList<PageSection> sections) =>
        new(page.Destination, SearchIndexWriter.Entry(page, sections, EntryPacking), PageTerms.From(page.Title, sections, secondary: true, EntryPacking), Secondary: true);
}
