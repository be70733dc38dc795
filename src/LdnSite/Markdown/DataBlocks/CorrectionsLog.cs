namespace LdnSite.Markdown.DataBlocks;

using System.Globalization;
using System.Net;
using System.Text;
using LdnSite.Data;

/// <summary>The public corrections log from corrections.yaml, newest first: <c>::: corrections</c>.</summary>
public static class CorrectionsLog
{
    /// <summary>The container's name.</summary>
    public const string Name = "corrections";

    /// <summary>The log's HTML. An entry naming a page that does not exist is shown without a link (Modules/CheckCorrectionPages reports it at its line).</summary>
    public static string Html(SiteData data, DataBlockLinks links)
    {
        if (data.Corrections.Count == 0)
        {
            return "<p class=\"corrections-none\">No corrections have been published yet.</p>";
        }

        var html = new StringBuilder("<ul class=\"corrections\">");
        foreach (var correction in data.Corrections)
        {
            var date = DecisionDataRules.DateOf(correction)!.Value;
            html.Append("<li><time datetime=\"").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
                .Append(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time>, ");
            if (links.Page(correction.Page) is { } link)
            {
                html.Append("<a href=\"").Append(Encode(link)).Append("\">").Append(Encode(Address(correction.Page))).Append("</a>");
            }
            else
            {
                html.Append(Encode(Address(correction.Page)));
            }

            html.Append(": ").Append(Encode(correction.Change)).Append("</li>");
        }

        return html.Append("</ul>").ToString();
    }

    // The page's address on the site, as a reader sees it: safety.md is /safety/, a/index.md is /a/.
    private static string Address(string page)
    {
        var path = page[..^".md".Length];
        path = path == "index" ? "" : path.EndsWith("/index", StringComparison.Ordinal) ? path[..^"index".Length] : path + "/";
        return "/" + path;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
