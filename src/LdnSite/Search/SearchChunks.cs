namespace LdnSite.Search;

using System.Security.Cryptography;
using System.Text.Json;

/// <summary>
/// Splits the inverted index into chunks by the first two letters of each term (three or more
/// for chunks that would be large, see <see cref="SplitAbove"/>), each a classic
/// script that hands its terms to <c>LDN_SEARCH_CHUNK</c>, so a page opened from <c>file://</c>
/// loads it with a script element. A query needs the chunk of each of its words (and of their
/// one-typo neighbours), not the whole index.
/// Chunk: <c>LDN_SEARCH_CHUNK("sl",[["sleep",field,[ids],[counts],[lengths],…],…]);</c>, ids
/// delta-coded, each with the length of that field in that document (MiniSearch's BM25 needs it).
/// </summary>
public static class SearchChunks
{
    /// <summary>A document's id is its page's index times this, plus its section's index.</summary>
    public const long SectionsPerPage = 65536;


    /// <summary>The first chunk key a term gets: its first two characters (code points, so a pair is never split).</summary>
    public static string BucketOf(string term) => Prefix(term, 2);

    /// <summary>
    /// Builds every chunk from the pages, in index order. Each term's postings are appended as
    /// JSON text as the pages are read (ids only grow, so they are delta-coded on the way): a
    /// 10,000-page site's postings take the memory of the chunks' text, not of objects.
    /// </summary>
    public static IReadOnlyList<SearchChunk> Build(IReadOnlyList<SearchPage> pages, int splitAbove = SplitAbove)
    {
        foreach (var page in pages.Where(p => p.Terms.Sections > SectionsPerPage))
        {
            throw new InvalidOperationException($"'{page.Destination}' has {page.Terms.Sections} sections; search indexes at most {SectionsPerPage} a page.");
        }

        // Each core merges its own share of the chunks, reading every page: the reading is
        // repeated, the merging (most of the work) is split.
        var shares = Environment.ProcessorCount;
        var merged = new Dictionary<string, Dictionary<string, TermPostings>>[shares];
        Parallel.For(0, shares, share => merged[share] = Merge(pages, key => (StringComparer.Ordinal.GetHashCode(key) & int.MaxValue) % shares == share));

        var buckets = merged.SelectMany(m => m).SelectMany(b => Split(b.Key, b.Value, 2, splitAbove)).ToList();
        var chunks = new SearchChunk[buckets.Count];
        Parallel.For(0, buckets.Count, i => chunks[i] = Write(buckets[i].Key, buckets[i].Value));
        return [.. chunks.OrderBy(c => c.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A chunk with more postings than this is split by one more letter, so a query for a common
    /// word does not also load every other common word that shares its first letters.
    /// </summary>
    public const int SplitAbove = 20_000;

    // A term lives in the chunk with the longest key that begins it; the browser loads every
    // chunk whose key begins a query word (its own chunk) or that the word begins (its prefixes).
    private static IEnumerable<KeyValuePair<string, Dictionary<string, TermPostings>>> Split(string key, Dictionary<string, TermPostings> terms, int letters, int splitAbove)
    {
        if (terms.Count < 2 || terms.Values.Sum(t => (long)t.Count) <= splitAbove)
        {
            yield return new(key, terms);
            yield break;
        }

        var longer = terms.GroupBy(t => Prefix(t.Key, letters + 1), StringComparer.Ordinal).ToList();
        foreach (var group in longer)
        {
            var part = group.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            // Terms no longer than the key keep it, and stay whole.
            foreach (var chunk in group.Key == key ? [new(key, part)] : Split(group.Key, part, letters + 1, splitAbove))
            {
                yield return chunk;
            }
        }
    }

    private static string Prefix(string term, int letters)
    {
        var end = 0;
        for (var points = 0; points < letters && end < term.Length; points++)
        {
            end += char.IsSurrogatePair(term, end) ? 2 : 1;
        }

        return term[..end];
    }

    private static Dictionary<string, Dictionary<string, TermPostings>> Merge(IReadOnlyList<SearchPage> pages, Func<string, bool> mine)
    {
        var buckets = new Dictionary<string, Dictionary<string, TermPostings>>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            var terms = pages[p].Terms;
            var pageBase = p * SectionsPerPage;
            terms.ForEachTerm((term, triples) =>
            {
                var key = BucketOf(term);
                if (!buckets.TryGetValue(key, out var bucket))
                {
                    if (!mine(key))
                    {
                        return;
                    }

                    buckets[key] = bucket = new Dictionary<string, TermPostings>(StringComparer.Ordinal);
                }

                if (!bucket.TryGetValue(term, out var postings))
                {
                    bucket[term] = postings = new TermPostings();
                }

                for (var i = 0; i < triples.Length; i += 3)
                {
                    postings.Add(triples[i + 1], pageBase + triples[i], triples[i + 2], terms.Length(triples[i], triples[i + 1]));
                }
            });
        }

        return buckets;
    }

    private static SearchChunk Write(string key, Dictionary<string, TermPostings> terms)
    {
        var sorted = terms.Keys.Order(StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        buffer.Write("LDN_SEARCH_CHUNK(\""u8);
        buffer.Write(JsonEncodedText.Encode(key, SearchIndexWriter.Options.Encoder).EncodedUtf8Bytes);
        buffer.Write("\",["u8);
        for (var t = 0; t < sorted.Count; t++)
        {
            buffer.Write(t == 0 ? "[\""u8 : ",[\""u8);
            buffer.Write(JsonEncodedText.Encode(sorted[t], SearchIndexWriter.Options.Encoder).EncodedUtf8Bytes);
            buffer.WriteByte((byte)'"');
            terms[sorted[t]].WriteTo(buffer);
            buffer.WriteByte((byte)']');
        }

        buffer.Write("]);\n"u8);
        var bytes = buffer.ToArray();
        var name = Assets.AssetNames.Hashed("assets/search/chunk.js", SHA256.HashData(bytes));
        return new SearchChunk(key, name, bytes, string.Join(' ', sorted));
    }

    /// <summary>A term's postings in each field, kept as the JSON text of its three arrays.</summary>
    private sealed class TermPostings
    {
        private readonly FieldPostings?[] _fields = new FieldPostings?[PageTerms.Fields.Count];

        /// <summary>How many postings the term has, over all fields.</summary>
        public int Count { get; private set; }

        public void Add(int field, long id, int count, int length)
        {
            (_fields[field] ??= new FieldPostings()).Add(id, count, length);
            Count++;
        }

        // ,field,[ids],[counts],[lengths] for each field the term occurs in.
        public void WriteTo(MemoryStream output)
        {
            for (var f = 0; f < _fields.Length; f++)
            {
                if (_fields[f] is { } field)
                {
                    output.WriteByte((byte)',');
                    output.WriteByte((byte)('0' + f));
                    field.WriteTo(output);
                }
            }
        }
    }

    private sealed class FieldPostings
    {
        private readonly MemoryStream _ids = new();
        private readonly MemoryStream _counts = new();
        private readonly MemoryStream _lengths = new();
        private long _previous;

        public void Add(long id, int count, int length)
        {
            Append(_ids, id - _previous);
            Append(_counts, count);
            Append(_lengths, length);
            _previous = id;
        }

        public void WriteTo(MemoryStream output)
        {
            foreach (var list in (ReadOnlySpan<MemoryStream>)[_ids, _counts, _lengths])
            {
                output.Write(",["u8);
                output.Write(list.GetBuffer().AsSpan(0, (int)list.Length));
                output.WriteByte((byte)']');
            }
        }

        private static void Append(MemoryStream list, long value)
        {
            Span<byte> digits = stackalloc byte[24];
            var at = 0;
            if (list.Length > 0)
            {
                digits[at++] = (byte)',';
            }

            System.Buffers.Text.Utf8Formatter.TryFormat(value, digits[at..], out var written);
            list.Write(digits[..(at + written)]);
        }
    }
}

/// <summary>One chunk of the search index.</summary>
/// <param name="Key">The first two letters its terms share.</param>
/// <param name="Destination">Its content-hashed path.</param>
/// <param name="Script">The script's bytes.</param>
/// <param name="Terms">Its terms, space-separated (no term holds a space), for the manifest.</param>
public sealed record SearchChunk(string Key, string Destination, byte[] Script, string Terms);
