namespace LdnSite.Markdown.DataBlocks;

using System.Net;
using System.Text;
using LdnSite.Data;
using LdnSite.Evidence;

/// <summary>Builds the HTML of a <c>::: studies condition</c> block from the references.</summary>
public static class StudyList
{
    /// <summary>The container's name.</summary>
    public const string Name = "studies";

    /// <summary>
    /// The list for <c>::: studies &lt;condition&gt;</c>: every study covering the condition, oldest
    /// first, each linking to its row in the evidence table; null (and a problem) for an unknown condition.
    /// </summary>
    public static string? Html(string condition, SiteData data, DataBlockLinks links, Action<string> problem)
    {
        if (!Conditions.Labels.TryGetValue(condition, out var label))
        {
            problem($"'::: studies {condition}' names no known condition; use one of: {string.Join(", ", Conditions.Labels.Keys)}.");
            return null;
        }

        var studies = data.References.Values
            .Where(r => r.Conditions.Contains(condition) && r.DesignInfo is { IsStudy: true })
            .Select(StudyFacts.Of)
            .OrderBy(s => s.Year).ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
        var html = new StringBuilder();
        html.Append("<div class=\"condition-studies\"><p class=\"condition-studies__title\">Studies in our references: ").Append(Encode(label)).Append("</p>");
        if (studies.Count == 0)
        {
            html.Append("<p>None yet.</p></div>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var study in studies)
            {
                html.Append("<li>").Append(links.Source(study.Key, isStudy: true, study.ShortName)).Append(": ")
                    .Append(Encode(study.Design.ToLowerInvariant()));
                if (study.Participants is { } people)
                {
                    html.Append(", ").Append(Encode(people));
                }

                if (study.Duration is { } duration)
                {
                    html.Append(", ").Append(Encode(duration));
                }

                html.Append('.');
                if (study.Outcome is { } outcome)
                {
                    html.Append(' ').Append(Encode(outcome));
                }

                html.Append("</li>");
            }

            html.Append("</ul></div>");
        }

        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
