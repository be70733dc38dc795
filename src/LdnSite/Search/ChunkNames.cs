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
        if (_last.TryGetValue(key, out var known) && Same(known.Terms, known.Fragments, sorted))
        {
            return known.Name;
        }

        var name = SearchChunks.NameOf(key, sorted);
        _last[key] = ([.. sorted.Select(t => t.Term)], [.. sorted.SelectMany(t => t.Postings.Fragments)], name);
        return name;
    }

    // Compared in place: copying every chunk's terms and fragments to compare them cost as much
    // as the hashing this saves.
    private static bool Same(string[] terms, TermFragment[] fragments, (string Term, SearchChunks.TermPostings Postings)[] sorted)
    {
        if (terms.Length != sorted.Length)
        {
            return false;
        }

        var f = 0;
        for (var t = 0; t < sorted.Length; t++)
        {
            if (!string.Equals(terms[t], sorted[t].Term, StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var fragment in sorted[t].Postings.Fragments)
            {
                if (f >= fragments.Length || !ReferenceEquals(fragments[f++], fragment))
                {
                    return false;
                }
            }
        }

        return f == fragments.Length;
    }
}
