namespace LdnSite.Search;

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LdnSite.Content;
using LdnSite.Engine.Documents;

/// <summary>
/// Writes the search index's scripts. Each is a classic script that assigns a global or calls
/// one: a page opened from <c>file://</c> can load it with a script element, where fetch,
/// workers and modules are blocked. One search document per section (the text under an h2 or
/// h3), so results link to the exact place. The parts: a small manifest, term chunks
/// (<see cref="SearchChunks"/>) and one results file per page, each loaded when a query needs it.
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>The global the script assigns.</summary>
    public const string GlobalName = "LDN_SEARCH_MANIFEST";

    /// <summary>Changes whenever the same entries are written differently, so the manifest's hashed name changes too.</summary>
    public const string FormatVersion = "search-index/2";

    /// <summary>How every search script writes JSON (the chunks too).</summary>
    internal static readonly JsonWriterOptions Options = new()
    {
        // The index is a .js file, never inlined into HTML, so HTML-sensitive characters need no escaping.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One page's entry: <c>[title, path, [[heading, anchor, text], …]]</c>.</summary>
    public static PackedText Entry(PageInfo page, IReadOnlyList<PageSection> sections, TextPacking packing)
    {
        // Written with this thread's reused writer and buffer: a new writer per page grew its
        // buffer by doubling, then copied it into a stream.
        var buffer = t_entryBuffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        var json = t_entryWriter ??= new Utf8JsonWriter(buffer, Options);
        json.Reset(buffer);
        {
            json.WriteStartArray();
            json.WriteStringValue(page.Title);
            json.WriteStringValue(page.Destination);
            json.WriteStartArray();
            foreach (var section in sections)
            {
                json.WriteStartArray();
                json.WriteStringValue(section.Heading);
                json.WriteStringValue(section.Id);
                json.WriteStringValue(section.Text);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndArray();
        }

        json.Flush();
        var entry = PackedText.FromUtf8(buffer.WrittenSpan, packing);
        if (buffer.Capacity > 4 * 1024 * 1024)
        {
            // One huge page should not pin a huge buffer for the rest of the build.
            t_entryBuffer = null;
            t_entryWriter = null;
        }

        return entry;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_entryBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_entryWriter;

    /// <summary>
    /// Abbreviations readers search by (MS, RA) mapped to the words they stand for, from the
    /// glossary's aliases, so "MS" also finds "multiple sclerosis": <c>{"ms":"multiple sclerosis"}</c>.
    /// </summary>
    public static CompactText Abbreviations(IEnumerable<Data.GlossaryTerm> glossary)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var term in glossary)
            {
                foreach (var alias in term.Aliases.Where(a => a.Length is >= 2 and <= 5 && a.All(char.IsAsciiLetterUpper)))
                {
                    if (seen.Add(alias.ToLowerInvariant()))
                    {
                        json.WriteString(alias.ToLowerInvariant(), term.Term.ToLowerInvariant());
                    }
                }
            }

            json.WriteEndObject();
        }

        return CompactText.FromUtf8(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>
    /// The manifest every page names (<c>data-search-index</c>): what the browser needs before it
    /// can choose chunks and score results exactly as one MiniSearch index over every section
    /// would: the document count and average field lengths, the stop words, abbreviations, which
    /// pages rank as secondary, and every chunk's file with its terms (for prefix and one-typo
    /// matches, which may fall in another chunk than the word typed).
    /// </summary>
    public static byte[] Manifest(IReadOnlyList<SearchPage> pages, IReadOnlyList<SearchChunk> chunks, CompactText abbreviations)
    {
        var documents = 0L;
        var averages = new double[PageTerms.Fields.Count];
        foreach (var page in pages)
        {
            // Read as one span: this runs over every section of the site (110,000 at 10,000 pages) on every rebuild.
            var lengths = page.Terms.Lengths;
            for (var at = 0; at + averages.Length <= lengths.Length; at += averages.Length, documents++)
            {
                // MiniSearch keeps a running mean as each document is added; the same arithmetic
                // in the same order gives the same double, so scores match to the last bit.
                for (var f = 0; f < averages.Length; f++)
                {
                    averages[f] = ((averages[f] * documents) + lengths[at + f]) / (documents + 1);
                }
            }
        }

        using var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.GetBytes($"window.{GlobalName}="));
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("format", FormatVersion);
            json.WriteNumber("documentCount", documents);
            json.WriteNumber("sectionsPerPage", SearchChunks.SectionsPerPage);
            WriteStrings(json, "fields", PageTerms.Fields);
            json.WriteStartArray("averageFieldLength");
            foreach (var average in averages)
            {
                json.WriteNumberValue(average);
            }

            json.WriteEndArray();
            WriteStrings(json, "stopWords", SearchText.StopWords);
            json.WritePropertyName("abbreviations");
            json.WriteRawValue(abbreviations.Utf8, skipInputValidation: true);
            json.WriteStartArray("secondary");
            for (var p = 0; p < pages.Count; p++)
            {
                if (pages[p].Secondary)
                {
                    json.WriteNumberValue(p);
                }
            }

            json.WriteEndArray();
            json.WriteNumber("pages", pages.Count);
            json.WriteString("pageFolder", PageFolder);
            json.WriteStartObject("chunks");
            foreach (var chunk in chunks)
            {
                json.WriteStartArray(chunk.Key);
                json.WriteStringValue(chunk.Destination);
                json.WriteStringValue(chunk.Terms);
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        buffer.Write(";\n"u8);
        return buffer.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>The terms of an entry written by <see cref="Entry"/>, read back from it.</summary>
    public static PageTerms TermsOf(PackedText entry, bool secondary, TextPacking packing)
    {
        var root = JsonDocument.Parse(entry.ToUtf8()).RootElement;
        var sections = root[2].EnumerateArray().Select(s => new PageSection(s[1].GetString()!, s[0].GetString()!, s[2].GetString()!)).ToList();
        return PageTerms.From(root[0].GetString()!, sections, secondary, packing);
    }

    /// <summary>Where each page's results file goes: <c>search/pages/&lt;index&gt;.js</c>.</summary>
    public const string PageFolder = "search/pages/";

    /// <summary>
    /// A page's results file: the titles, anchors and text results show, loaded only for pages
    /// among the results. Named by the page's index, not hashed: the manifest would otherwise have
    /// to list 10,000 names. It is outside <c>assets/</c>, so it is revalidated, not cached a year.
    /// </summary>
    public static void WritePageScript(int index, PackedText entry, IBufferWriter<byte> output)
    {
        // The entry is expanded straight into the output's buffer, between its call's two ends.
        Span<byte> start = stackalloc byte[32];
        System.Text.Unicode.Utf8.TryWrite(start, System.Globalization.CultureInfo.InvariantCulture, $"LDN_SEARCH_PAGE({index},", out var written);
        output.Write(start[..written]);
        entry.CopyUtf8To(output.GetSpan(entry.Utf8Length));
        output.Advance(entry.Utf8Length);
        output.Write(");\n"u8);
    }
}
