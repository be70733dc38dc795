namespace LdnSite.Search;

/// <summary>
/// A rebuilding engine's chunk names: a chunk whose terms and fragments are the very objects of
/// the last build has the same name, found without hashing a fragment (a rebuild changes the
/// fragments of one block's changed terms, and every chunk used to be named again).
/// </summary>
public sealed class ChunkNames
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string[] Terms, TermFragment[] Fragments, string Name)> _last = new(StringComparer.Ordinal);

    internal string Of(string key, (string Term, SearchChunks.TermPostings Postings)[] sorted)
    {
        var terms = sorted.Select(t => t.Term).ToArray();
        var fragments = sorted.SelectMany(t => t.Postings.Fragments).ToArray();
        if (_last.TryGetValue(key, out var known) && known.Terms.SequenceEqual(terms, StringComparer.Ordinal) && known.Fragments.AsSpan().SequenceEqual(fragments, ReferenceEqualityComparer.Instance))
        {
            return known.Name;
        }

        var name = SearchChunks.NameOf(key, sorted);
        _last[key] = (terms, fragments, name);
        return name;
    }
}
