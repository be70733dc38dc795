namespace LdnSite.Markdown.StudyLists;

using System.Net;
using System.Text;
using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Evidence;
using Markdig.Extensions.CustomContainers;

/// <summary>Builds the HTML of a <c>::: studies condition</c> block from the references.</summary>
public static class StudyList
{
    /// <summary>The container's name.</summary>
    public const string Name = "studies";

    /// <summary>
    /// Prepares <paramref name="container"/>'s list: every study covering its condition, oldest
    /// first, each linking to its row in the evidence table (<paramref name="evidenceLink"/>).
    /// </summary>
    public static void Prepare(CustomContainer container, SiteData data, string evidenceLink, string source, ICollection<Diagnostic> problems)
    {
        if (container.Count > 0)
        {
            problems.Add(Diagnostic.Error(source, container.Line + 1, container.Column + 1, "LDN047",
                "Write nothing between '::: studies …' and ':::'; the list is made from references.yaml, so text there would be lost."));
            return;
        }

        var condition = (container.Arguments ?? "").Trim();
        if (!Conditions.Labels.TryGetValue(condition, out var label))
        {
            problems.Add(Diagnostic.Error(source, container.Line + 1, container.Column + 1, "LDN047",
                $"'::: studies {condition}' names no known condition; use one of: {string.Join(", ", Conditions.Labels.Keys)}."));
            return;
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
                html.Append("<li><a href=\"").Append(Encode(evidenceLink + "#study-" + study.Key)).Append("\">").Append(Encode(study.ShortName)).Append("</a>: ")
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

        container.SetData(StudyListRenderer.DataKey, html.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
