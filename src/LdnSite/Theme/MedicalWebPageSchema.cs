namespace LdnSite.Theme;

using System.Text.Json;
using System.Text.Json.Nodes;
using LdnSite.Evidence;

/// <summary>
/// schema.org <c>MedicalWebPage</c> JSON-LD for a content page: its name, description, address,
/// when it was last reviewed, that it is about low dose naltrexone, and the sources it cites.
/// System.Text.Json escapes &lt;, &gt; and &amp;, so the text is safe inside a script element.
/// </summary>
public static class MedicalWebPageSchema
{
    /// <summary>The JSON-LD text.</summary>
    public static string JsonLd(string title, string description, string url, string siteUrl, string? lastReviewedIso, IEnumerable<StudyFacts> cited)
    {
        var page = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["name"] = title,
            ["description"] = description,
            ["url"] = url,
            ["inLanguage"] = "en",
            ["isPartOf"] = new JsonObject { ["@type"] = "WebSite", ["name"] = "LDN Knowledge Base", ["url"] = siteUrl },
            ["about"] = new JsonObject
            {
                ["@type"] = "Drug",
                ["name"] = "Low dose naltrexone",
                ["alternateName"] = "LDN",
                ["nonProprietaryName"] = "naltrexone",
            },
        };
        if (lastReviewedIso is not null)
        {
            page["lastReviewed"] = lastReviewedIso;
        }

        var citations = new JsonArray();
        foreach (var source in cited)
        {
            var citation = new JsonObject
            {
                ["@type"] = source.IsStudy ? "ScholarlyArticle" : "WebPage",
                ["name"] = source.Citation,
                ["datePublished"] = source.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if ((source.DoiUrl ?? source.PubMedUrl ?? source.Url) is { } link)
            {
                citation["url"] = link;
            }

            if (source.Doi is { } doi)
            {
                citation["identifier"] = "doi:" + doi;
            }

            citations.Add(citation);
        }

        if (citations.Count > 0)
        {
            page["citation"] = citations;
        }

        return page.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
