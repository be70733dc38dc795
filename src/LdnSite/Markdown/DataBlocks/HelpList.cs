namespace LdnSite.Markdown.DataBlocks;

using System.Net;
using System.Text;
using LdnSite.Data;

/// <summary>Organisations and trial registries from help.yaml: <c>::: help &lt;condition or trial-registries&gt;</c>.</summary>
public static class HelpList
{
    /// <summary>The container's name.</summary>
    public const string Name = "help";

    /// <summary>The list's HTML; null (and a problem) for an unknown topic or one with no entries.</summary>
    public static string? Html(string topic, SiteData data, Action<string> problem)
    {
        if (topic != HelpEntry.Registries && !Conditions.Labels.ContainsKey(topic))
        {
            problem($"'::: help {topic}' names no known topic; use one of: {string.Join(", ", Conditions.Labels.Keys.Append(HelpEntry.Registries))}.");
            return null;
        }

        var entries = data.Help.Where(h => h.Topic == topic).ToList();
        if (entries.Count == 0)
        {
            problem($"help.yaml has no entry for '{topic}'; add one, or remove this block.");
            return null;
        }

        var html = new StringBuilder("<ul class=\"help-list\">");
        foreach (var entry in entries)
        {
            // Each goes to another organisation's site: said in the link's text for a screen reader
            // is not needed (the address is shown), and no referrer or opener is handed over.
            html.Append("<li><a href=\"").Append(Encode(entry.Url)).Append("\" rel=\"noopener noreferrer\">").Append(Encode(entry.Name)).Append("</a> (")
                .Append(Encode(Display(entry.Url))).Append("): ").Append(Encode(entry.Offers)).Append("</li>");
        }

        return html.Append("</ul>").ToString();
    }

    // The organisation's site as a reader would type it (a printed page has no links): the host
    // alone, since a deep path is long and the reader can find the page from the home page.
    private static string Display(string url) => new Uri(url).IdnHost;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
