namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Search;

/// <summary>
/// What <see cref="BuildSearchIndex"/> keeps of the last build, by place, under one rule: while
/// the same document (or the same entry, or the same terms objects) is at the same place. A
/// rebuild hands back every page but the edited one as the very same document at the same
/// place, so what it gave the index, its results file and its block of postings are taken from
/// last time. Only a rebuilding engine fills it (see <see cref="ReuseRegister"/>).
/// </summary>
public sealed class SearchIndexMemory
{
    /// <summary>The content documents of the last build, by position.</summary>
    public Document[] Content { get; set; } = [];

    /// <summary>What each of them gave the index (its page facts and search page, if indexed).</summary>
    public (PageInfo Info, SearchPage? Page)[] Read { get; set; } = [];

    /// <summary>Whether the pages were in output-path order.</summary>
    public bool InOrder { get; set; }

    /// <summary>Each place's results file and the entry it was made of.</summary>
    public (PackedText Entry, Document File)[] ResultsFiles { get; set; } = [];

    /// <summary>Each chunk's name, kept while its terms are the same objects.</summary>
    public ChunkNames ChunkNames { get; } = new();

    /// <summary>
    /// What was made last at each place (the first page of a block): the pages' terms, the block's
    /// key and the block. The key, <see cref="CacheKeys.SearchBlock"/>, hashes many fingerprints,
    /// so it is made again only when a page's terms are another object than last time.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<int, LastBlock> Blocks { get; } = new();

    /// <summary>A block as it was made last at its place.</summary>
    /// <param name="Terms">Its pages' terms, in order.</param>
    /// <param name="Key">Its key.</param>
    /// <param name="Block">The block.</param>
    public sealed record LastBlock(PageTerms[] Terms, string Key, PostingBlock Block);
}
