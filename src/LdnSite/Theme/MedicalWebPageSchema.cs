namespace LdnSite.Theme;

using System.Buffers;
using System.Text.Json;
using LdnSite.Evidence;

/// <summary>
/// schema.org <c>MedicalWebPage</c> JSON-LD for a content page: its name, description, address,
/// when it was last reviewed, that it is about low dose naltrexone, and the sources it cites.
/// System.Text.Json's default encoder escapes &lt;, &gt; and &amp;, so the text is safe inside a script element.
/// </summary>
public static class MedicalWebPageSchema
{
    /// <summary>The JSON-LD text.</summary>
    public static string JsonLd(string title, string description, string url, string siteUrl, string? lastReviewedIso, IEnumerable<StudyFacts> cited)
    {
        // Written straight to a reused buffer: one per page at 10,000 pages, where building a
        // JsonObject tree first cost more than the writing.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var json = t_writer ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "MedicalWebPage");
        json.WriteString("name", title);
        json.WriteString("description", description);
        json.WriteString("url", url);
        json.WriteString("inLanguage", "en");
        json.WriteStartObject("isPartOf");
        json.WriteString("@type", "WebSite");
        json.WriteString("name", "LDN Knowledge Base");
        json.WriteString("url", siteUrl);
        json.WriteEndObject();
        json.WriteStartObject("about");
        json.WriteString("@type", "Drug");
        json.WriteString("name", "Low dose naltrexone");
        json.WriteString("alternateName", "LDN");
        json.WriteString("nonProprietaryName", "naltrexone");
        json.WriteEndObject();
        if (lastReviewedIso is not null)
        {
            json.WriteString("lastReviewed", lastReviewedIso);
        }

        var any = false;
        foreach (var source in cited)
        {
            if (!any)
            {
                json.WriteStartArray("citation");
                any = true;
            }

            json.WriteStartObject();
            json.WriteString("@type", source.IsStudy ? "ScholarlyArticle" : "WebPage");
            json.WriteString("name", source.Citation);
            json.WriteString("datePublished", source.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if ((source.DoiUrl ?? source.PubMedUrl ?? source.Url) is { } link)
            {
                json.WriteString("url", link);
            }

            if (source.Doi is { } doi)
            {
                json.WriteString("identifier", "doi:" + doi);
            }

            json.WriteEndObject();
        }

        if (any)
        {
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.Flush();
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;
}
