namespace LdnSite.Search;

using System.Buffers;
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
    /// Pages per block of postings (see <see cref="PostingBlock"/>): a one-page edit re-merges
    /// this many pages. Smaller blocks mean more, smaller fragments to splice.
    /// </summary>
    public const int PagesPerBlock = 256;

    /// <summary>
    /// Builds every chunk from the pages, in index order: each block of pages is merged into JSON
    /// fragments (in parallel, through <paramref name="block"/>, which may return a cached block
    /// for the same pages), then each chunk is named by its terms and their fragments' hashes.
    /// A chunk's bytes are made only when it is written (<see cref="SearchChunk.WriteTo"/>), by
    /// splicing its fragments end to end: a 10,000-page site's postings take the memory of the
    /// fragments' text, not of objects, and a rebuild hashes no chunk's bytes.
    /// </summary>
    public static IReadOnlyList<SearchChunk> Build(
        IReadOnlyList<SearchPage> pages,
        int splitAbove = SplitAbove,
        Func<int, IReadOnlyList<SearchPage>, PostingBlock>? block = null,
        ChunkNames? names = null)
    {
        foreach (var page in pages.Where(p => p.Terms.Sections > SectionsPerPage))
        {
            throw new InvalidOperationException($"'{page.Destination}' has {page.Terms.Sections} sections; search indexes at most {SectionsPerPage} a page.");
        }

        block ??= (first, slice) => PostingBlock.Of(slice, first);
        var blocks = new PostingBlock[(pages.Count + PagesPerBlock - 1) / PagesPerBlock];
        Parallel.For(0, blocks.Length, b =>
        {
            var first = b * PagesPerBlock;
            blocks[b] = block(first, [.. pages.Skip(first).Take(PagesPerBlock)]);
        });

        var buckets = new Dictionary<string, Dictionary<string, TermPostings>>(StringComparer.Ordinal);
        foreach (var (term, fragment) in blocks.SelectMany(b => b.Terms))
        {
            var key = BucketOf(term);
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = bucket = new Dictionary<string, TermPostings>(StringComparer.Ordinal);
            }

            if (!bucket.TryGetValue(term, out var postings))
            {
                bucket[term] = postings = new TermPostings();
            }

            postings.Add(fragment);
        }

        var split = buckets.SelectMany(b => Split(b.Key, b.Value, 2, splitAbove)).ToList();
        var chunks = new SearchChunk[split.Count];
        Parallel.For(0, split.Count, i =>
        {
            var (key, terms) = (split[i].Key, split[i].Value);
            var sorted = terms.Keys.Order(StringComparer.Ordinal).Select(t => (t, terms[t])).ToArray();
            chunks[i] = new SearchChunk(key, names?.Of(key, sorted) ?? NameOf(key, sorted), string.Join(' ', sorted.Select(t => t.Item1)), output => Write(key, sorted, output));
        });
        return [.. chunks.OrderBy(c => c.Key, StringComparer.Ordinal)];
    }

    // The chunk's bytes are a function of its key, its terms in order and each term's fragments
    // in order (their text, first and last ids: the delta between blocks comes from those), so a
    // hash of those names the bytes without making them.
    internal static string NameOf(string key, (string Term, TermPostings Postings)[] sorted)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[16];
        AppendText(hash, ChunkFormat);
        AppendText(hash, key);
        foreach (var (term, postings) in sorted)
        {
            AppendText(hash, term);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(number, postings.Fragments.Count);
            hash.AppendData(number[..4]);
            foreach (var fragment in postings.Fragments)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(number, fragment.Hash);
                hash.AppendData(number);
            }
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Assets.AssetNames.Hashed("assets/search/chunk.js", digest);
    }

    // Length-prefixed, so no two lists of texts hash alike.
    private static void AppendText(IncrementalHash hash, string text)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, text.Length);
        hash.AppendData(length);
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));
    }

    // Part of every chunk's name: a change to how chunks are written must change their names,
    // or a dev server would keep serving files written the old way under unchanged names.
    private const string ChunkFormat = "chunk/1";

    /// <summary>
    /// A chunk with more postings than this is split by one more letter, so a query for a common
    /// word does not also load every other common word that shares its first letters.
    /// </summary>
    public const int SplitAbove = 20_000;

    // A term lives in the chunk with the longest key that begins it; the browser loads every
    // chunk whose key begins a query word (its own chunk) or that the word begins (its prefixes).
    private static IEnumerable<KeyValuePair<string, Dictionary<string, TermPostings>>> Split(string key, Dictionary<string, TermPostings> terms, int letters, int splitAbove)
    {
        if (terms.Count < 2 || terms.Values.Sum(t => t.Count) <= splitAbove)
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

    private static void Write(string key, (string Term, TermPostings Postings)[] sorted, IBufferWriter<byte> buffer)
    {
        buffer.Write("LDN_SEARCH_CHUNK(\""u8);
        WriteJsonString(buffer, key);
        buffer.Write("\",["u8);
        for (var t = 0; t < sorted.Length; t++)
        {
            buffer.Write(t == 0 ? "[\""u8 : ",[\""u8);
            WriteJsonString(buffer, sorted[t].Term);
            buffer.Write("\""u8);
            sorted[t].Postings.WriteTo(buffer);
            buffer.Write("]"u8);
        }

        buffer.Write("]);\n"u8);
    }

    // The text of a JSON string (without its quotes), as System.Text.Json escapes it. Most terms
    // need no escaping and are written straight into the buffer; JsonEncodedText made two objects
    // per term, for every term of every chunk written.
    private static void WriteJsonString(IBufferWriter<byte> buffer, string text)
    {
        var encoder = SearchIndexWriter.Options.Encoder!;
        if (!text.AsSpan().ContainsAnyInRange('\ud800', '\udfff'))
        {
            var span = buffer.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
            var length = System.Text.Encoding.UTF8.GetBytes(text, span);
            if (encoder.FindFirstCharacterToEncodeUtf8(span[..length]) < 0)
            {
                buffer.Advance(length);
                return;
            }
        }

        buffer.Write(JsonEncodedText.Encode(text, encoder).EncodedUtf8Bytes);
    }

    /// <summary>A term's fragments from every block it occurs in, in block order.</summary>
    internal sealed class TermPostings
    {
        private readonly List<TermFragment> _fragments = [];

        /// <summary>How many postings the term has, over all fields and blocks.</summary>
        public long Count { get; private set; }

        /// <summary>The term's fragments, in block order.</summary>
        public IReadOnlyList<TermFragment> Fragments => _fragments;

        public void Add(TermFragment fragment)
        {
            _fragments.Add(fragment);
            Count += fragment.Count;
        }

        // ,field,[ids],[counts],[lengths] for each field the term occurs in, the blocks' fragments
        // end to end. Written with plain loops: this runs for every term of every chunk written.
        public void WriteTo(IBufferWriter<byte> output)
        {
            for (var f = 0; f < PageTerms.Fields.Count; f++)
            {
                var any = false;
                long previous = 0;
                foreach (var fragment in _fragments)
                {
                    if (fragment.Field(f) is not { } field)
                    {
                        continue;
                    }

                    output.Write(any ? ","u8 : [(byte)',', (byte)('0' + f), (byte)',', (byte)'[']);
                    FieldFragment.WriteNumber(output, field.First - previous);
                    output.Write(field.LaterIds);
                    previous = field.Last;
                    any = true;
                }

                if (!any)
                {
                    continue;
                }

                output.Write("],["u8);
                WriteJoined(output, f, static field => field.Counts);
                output.Write("],["u8);
                WriteJoined(output, f, static field => field.Lengths);
                output.Write("]"u8);
            }
        }

        private void WriteJoined(IBufferWriter<byte> output, int f, SpanOf part)
        {
            var first = true;
            foreach (var fragment in _fragments)
            {
                if (fragment.Field(f) is { } field)
                {
                    if (!first)
                    {
                        output.Write(","u8);
                    }

                    output.Write(part(field));
                    first = false;
                }
            }
        }

        private delegate ReadOnlySpan<byte> SpanOf(FieldFragment field);
    }
}

/// <summary>One chunk of the search index.</summary>
/// <param name="Key">The first two letters its terms share.</param>
/// <param name="Destination">Its path, hashed from what its bytes are made of.</param>
/// <param name="Terms">Its terms, space-separated (no term holds a space), for the manifest.</param>
/// <param name="WriteTo">Writes the script's bytes.</param>
public sealed record SearchChunk(string Key, string Destination, string Terms, Action<IBufferWriter<byte>> WriteTo)
{
    /// <summary>The script's bytes, made now.</summary>
    public byte[] Script()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
