namespace LdnSite.Search;

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LdnSite.Content;

/// <summary>
/// Writes the search index as a classic script that assigns a global: a page opened from
/// <c>file://</c> can load it with a script element, where fetch, workers and modules are blocked.
/// One entry per section (the text under an h2 or h3), so results link to the exact place.
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>The global the script assigns.</summary>
    public const string GlobalName = "LDN_SEARCH_INDEX";

    private static readonly JsonWriterOptions Options = new()
    {
        // The index is a .js file, never inlined into HTML, so HTML-sensitive characters need no escaping.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The script text: <c>{"pages":[[title, path]], "sections":[[page, heading, anchor, text]]}</c>
    /// with pages in output-path order, so the same site always gives the same bytes.
    /// </summary>
    public static string Write(IEnumerable<(PageInfo Page, IReadOnlyList<PageSection> Sections)> pages)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            var ordered = pages.OrderBy(p => p.Page.Destination, StringComparer.Ordinal).ToList();
            json.WriteStartObject();
            json.WriteStartArray("pages");
            foreach (var (page, _) in ordered)
            {
                json.WriteStartArray();
                json.WriteStringValue(page.Title);
                json.WriteStringValue(page.Destination);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("sections");
            for (var i = 0; i < ordered.Count; i++)
            {
                foreach (var section in ordered[i].Sections)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(i);
                    json.WriteStringValue(section.Heading);
                    json.WriteStringValue(section.Id);
                    json.WriteStringValue(section.Text);
                    json.WriteEndArray();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return $"window.{GlobalName}=" + Encoding.UTF8.GetString(buffer.ToArray()) + ";\n";
    }
}
