namespace LdnSite.Search;

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LdnSite.Content;
using LdnSite.Engine.Documents;

/// <summary>
/// Writes the search index as a classic script that assigns a global: a page opened from
/// <c>file://</c> can load it with a script element, where fetch, workers and modules are blocked.
/// One entry per section (the text under an h2 or h3), so results link to the exact place:
/// <c>{"pages":[[title, path, [[heading, anchor, text], …]], …]}</c>, pages in output-path order.
/// Each page's part is serialised while the page is processed, in parallel, and kept as UTF-8;
/// the index file is streamed from those parts, never built as one string.
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>The global the script assigns.</summary>
    public const string GlobalName = "LDN_SEARCH_INDEX";

    /// <summary>Changes whenever <see cref="Write"/> writes the same entries differently, so the index's hashed name changes too.</summary>
    public const string FormatVersion = "search-index/1";

    private static readonly JsonWriterOptions Options = new()
    {
        // The index is a .js file, never inlined into HTML, so HTML-sensitive characters need no escaping.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One page's entry: <c>[title, path, [[heading, anchor, text], …]]</c>.</summary>
    public static CompactText Entry(PageInfo page, IReadOnlyList<PageSection> sections)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
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

        return CompactText.FromUtf8(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

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

    /// <summary>Writes the script from the pages' entries, ordered by output path.</summary>
    public static void Write(Stream output, IEnumerable<(string Destination, CompactText Entry)> pages, CompactText abbreviations, IReadOnlyList<string>? secondary = null)
    {
        output.Write(Encoding.UTF8.GetBytes($"window.{GlobalName}={{\"abbreviations\":"));
        output.Write(abbreviations.Utf8);
        // Entries of these paths (glossary terms, sources) rank below pages that match as well.
        output.Write(Encoding.UTF8.GetBytes(",\"secondary\":" + System.Text.Json.JsonSerializer.Serialize(secondary ?? [])));
        output.Write(",\"pages\":["u8);
        var first = true;
        foreach (var (_, entry) in pages.OrderBy(p => p.Destination, StringComparer.Ordinal))
        {
            if (!first)
            {
                output.WriteByte((byte)',');
            }

            output.Write(entry.Utf8);
            first = false;
        }

        output.Write("]};\n"u8);
    }
}
