namespace LdnSite.Search;

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

/// <summary>
/// Splits the inverted index into chunks by the first two letters of each term, each a classic
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

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The chunk a term is in: its first two characters (code points, so a pair is never split).</summary>
    public static string BucketOf(string term)
    {
        var end = 0;
        for (var points = 0; points < 2 && end < term.Length; points++)
        {
            end += char.IsSurrogatePair(term, end) ? 2 : 1;
        }

        return term[..end];
    }

    /// <summary>Builds every chunk from the pages, in index order.</summary>
    public static IReadOnlyList<SearchChunk> Build(IReadOnlyList<SearchPage> pages)
    {
        var buckets = new Dictionary<string, Dictionary<string, TermPostings>>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            var terms = pages[p].Terms;
            if (terms.Sections > SectionsPerPage)
            {
                throw new InvalidOperationException($"'{pages[p].Destination}' has {terms.Sections} sections; search indexes at most {SectionsPerPage} a page.");
            }

            var pageBase = p * SectionsPerPage;
            terms.ForEach((term, section, field, count) =>
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

                postings.Add(field, pageBase + section, count, terms.Length(section, field));
            });
        }

        var chunks = new ConcurrentBag<SearchChunk>();
        Parallel.ForEach(buckets, bucket => chunks.Add(Write(bucket.Key, bucket.Value)));
        return [.. chunks.OrderBy(c => c.Key, StringComparer.Ordinal)];
    }

    private static SearchChunk Write(string key, Dictionary<string, TermPostings> terms)
    {
        var sorted = terms.Keys.Order(StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        buffer.Write("LDN_SEARCH_CHUNK("u8);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStringValue(key);
        }

        buffer.WriteByte((byte)',');
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            foreach (var term in sorted)
            {
                json.WriteStartArray();
                json.WriteStringValue(term);
                terms[term].WriteTo(json);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        buffer.Write(");\n"u8);
        var bytes = buffer.ToArray();
        var name = Assets.AssetNames.Hashed("assets/search/chunk.js", SHA256.HashData(bytes));
        return new SearchChunk(key, name, bytes, string.Join(' ', sorted));
    }

    private sealed class TermPostings
    {
        private readonly List<long>?[] _ids = new List<long>?[PageTerms.Fields.Count];
        private readonly List<int>?[] _counts = new List<int>?[PageTerms.Fields.Count];
        private readonly List<int>?[] _lengths = new List<int>?[PageTerms.Fields.Count];

        public void Add(int field, long id, int count, int length)
        {
            (_ids[field] ??= []).Add(id);
            (_counts[field] ??= []).Add(count);
            (_lengths[field] ??= []).Add(length);
        }

        public void WriteTo(Utf8JsonWriter json)
        {
            for (var f = 0; f < _ids.Length; f++)
            {
                if (_ids[f] is not { } ids)
                {
                    continue;
                }

                json.WriteNumberValue(f);
                json.WriteStartArray();
                var previous = 0L;
                foreach (var id in ids)
                {
                    json.WriteNumberValue(id - previous);
                    previous = id;
                }

                json.WriteEndArray();
                json.WriteStartArray();
                _counts[f]!.ForEach(json.WriteNumberValue);
                json.WriteEndArray();
                json.WriteStartArray();
                _lengths[f]!.ForEach(json.WriteNumberValue);
                json.WriteEndArray();
            }
        }
    }
}

/// <summary>One chunk of the search index.</summary>
/// <param name="Key">The first two letters its terms share.</param>
/// <param name="Destination">Its content-hashed path.</param>
/// <param name="Script">The script's bytes.</param>
/// <param name="Terms">Its terms, space-separated (no term holds a space), for the manifest.</param>
public sealed record SearchChunk(string Key, string Destination, byte[] Script, string Terms);
