namespace LdnSite.Markdown.DataBlocks;

using System.Net;
using System.Text;
using LdnSite.Data;
using LdnSite.Evidence;

/// <summary>
/// What the evidence shows, from findings.yaml: <c>::: findings &lt;condition&gt;</c> is a box of
/// that condition's findings, each with its certainty in fixed words (<see cref="Certainty"/>);
/// <c>::: findings</c> alone is a table of every finding, for the evidence page.
/// </summary>
public static class FindingsBox
{
    /// <summary>The container's name.</summary>
    public const string Name = "findings";

    /// <summary>The block's HTML; null (and a problem) for an unknown condition or one with no findings.</summary>
    public static string? Html(string condition, SiteData data, DataBlockLinks links, Action<string> problem)
    {
        if (condition.Length == 0)
        {
            if (data.Findings.Count == 0)
            {
                problem("findings.yaml has no findings yet; add one, or remove this block.");
                return null;
            }

            return Table(data, links);
        }

        if (!Conditions.Labels.TryGetValue(condition, out var label))
        {
            problem($"'::: findings {condition}' names no known condition; use one of: {string.Join(", ", Conditions.Labels.Keys)}, or nothing for a table of every finding.");
            return null;
        }

        var findings = data.Findings.Where(f => f.Condition == condition).ToList();
        if (findings.Count == 0)
        {
            problem($"findings.yaml has no finding for '{condition}'; add one, or remove this block.");
            return null;
        }

        var html = new StringBuilder();
        html.Append("<div class=\"findings\"><p class=\"findings__title\">What the evidence shows: ").Append(Encode(label)).Append("</p><ul class=\"findings__list\">");
        foreach (var finding in findings)
        {
            var level = finding.Level!;
            html.Append("<li class=\"finding\"><p class=\"finding__outcome\">").Append(Encode(finding.Outcome)).Append("</p><p>").Append(Encode(finding.Effect));
            if (finding.Numbers is { } numbers)
            {
                html.Append(' ').Append(Encode(numbers));
            }

            html.Append("</p>");
            AppendCertainty(html, finding, level);
            html.Append("<p class=\"finding__source\">Source: ");
            AppendSources(html, finding, data, links);
            html.Append("</p></li>");
        }

        html.Append("</ul></div>");
        return html.ToString();
    }

    // One body per condition (its name a row header across the table), in the order conditions
    // are listed: four narrow columns read on a phone and fit a printed sheet.
    private static string Table(SiteData data, DataBlockLinks links)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"table-scroll\"><table class=\"findings-table\"><caption>Every finding in this guide, with how sure it is</caption><thead><tr>")
            .Append("<th scope=\"col\">Outcome</th><th scope=\"col\">What was found</th><th scope=\"col\">Certainty</th><th scope=\"col\">Source</th></tr></thead>");
        foreach (var condition in Conditions.Labels.Keys)
        {
            var findings = data.Findings.Where(f => f.Condition == condition).ToList();
            if (findings.Count == 0)
            {
                continue;
            }

            html.Append("<tbody><tr><th scope=\"rowgroup\" colspan=\"4\">").Append(Encode(Conditions.Labels[condition])).Append("</th></tr>");
            foreach (var finding in findings)
            {
                var level = finding.Level!;
                html.Append("<tr><td>").Append(Encode(finding.Outcome)).Append("</td><td>").Append(Encode(finding.Effect));
                if (finding.Numbers is { } numbers)
                {
                    html.Append(' ').Append(Encode(numbers));
                }

                html.Append("</td><td>");
                AppendLabel(html, level);
                if (finding.GradedBy is { } by)
                {
                    html.Append(" (").Append(Encode(by)).Append(')');
                }

                html.Append("</td><td>");
                AppendSources(html, finding, data, links);
                html.Append("</td></tr>");
            }

            html.Append("</tbody>");
        }

        html.Append("</table></div>");
        return html.ToString();
    }

    private static void AppendCertainty(StringBuilder html, Finding finding, Certainty level)
    {
        html.Append("<p class=\"finding__certainty\">");
        AppendLabel(html, level);
        html.Append(' ').Append(Encode(level.Meaning));
        html.Append(finding.GradedBy is { } by ? " Graded by: " + Encode(by) + "." : "");
        html.Append("</p>");
    }

    // The level's label, marked for its style; said in words, so it never rests on colour alone.
    private static void AppendLabel(StringBuilder html, Certainty level) =>
        html.Append("<span class=\"certainty certainty--").Append(level.Name).Append("\">").Append(Encode(level.Label)).Append("</span>");

    private static void AppendSources(StringBuilder html, Finding finding, SiteData data, DataBlockLinks links)
    {
        var first = true;
        foreach (var key in finding.Sources.Where(data.References.ContainsKey))
        {
            var reference = data.References[key];
            html.Append(first ? "" : "; ").Append(links.Source(key, reference.DesignInfo is { IsStudy: true }, StudyFacts.Of(reference).ShortName));
            first = false;
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
