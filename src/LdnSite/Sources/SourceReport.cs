namespace LdnSite.Sources;

using System.Text;
using LdnSite.Engine.Diagnostics;

/// <summary>
/// The summary at the end of a run: a plain table for the terminal, and Markdown for the CI job
/// summary and the issue the weekly run opens. Links that answer are counted, not listed.
/// </summary>
public static class SourceReport
{
    /// <summary>The plain-text table.</summary>
    public static string Text(SourceCheckResult result)
    {
        var rows = Shown(result);
        var text = new StringBuilder();
        if (rows.Count > 0)
        {
            var widths = new[] { "reference", "id", "result" }.Select(h => h.Length).ToArray();
            foreach (var row in rows)
            {
                widths[0] = Math.Max(widths[0], Math.Min(row.Key.Length, 40));
                widths[1] = Math.Max(widths[1], Math.Min(row.Kind.Length + 1 + row.Id.Length, 60));
                widths[2] = Math.Max(widths[2], Math.Min(row.Outcome.Length, 40));
            }

            string Cell(string value, int width) => (value.Length > width ? value[..(width - 1)] + "…" : value).PadRight(width);
            text.Append(Cell("reference", widths[0])).Append("  ").Append(Cell("id", widths[1])).Append("  ").Append(Cell("result", widths[2])).Append("  registry says\n");
            foreach (var row in rows)
            {
                text.Append(Cell(row.Key, widths[0])).Append("  ").Append(Cell(row.Kind + " " + row.Id, widths[1])).Append("  ")
                    .Append(Cell(row.Outcome, widths[2])).Append("  ").Append(Diagnostic.OneLine(row.Says)).Append('\n');
            }
        }

        text.Append(Totals(result)).Append('\n');
        return text.ToString();
    }

    /// <summary>The Markdown report.</summary>
    public static string Markdown(SourceCheckResult result, Func<Diagnostic, string> describe)
    {
        var text = new StringBuilder("## Sources check\n\n");
        text.Append(Totals(result)).Append("\n\n");
        var rows = Shown(result);
        if (rows.Count > 0)
        {
            text.Append("| reference | identifier | result | registry says |\n| --- | --- | --- | --- |\n");
            foreach (var row in rows)
            {
                text.Append($"| {Cell(row.Key)} | {Cell(row.Kind + " " + row.Id)} | {Cell(row.Outcome)} | {Cell(row.Says)} |\n");
            }
        }

        var problems = result.Diagnostics.ToList();
        if (problems.Count > 0)
        {
            text.Append("\n### What to fix or look at\n\n");
            foreach (var diagnostic in problems)
            {
                text.Append("- `").Append(describe(diagnostic).Replace("`", "'", StringComparison.Ordinal)).Append("`\n");
            }
        }

        return text.ToString();
    }

    /// <summary>One line: how many identifiers and links were checked and what came of them.</summary>
    public static string Totals(SourceCheckResult result)
    {
        var identifiers = result.Rows.Where(r => r.Kind != "link").ToList();
        var links = result.Rows.Where(r => r.Kind == "link").ToList();
        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Count - errors;
        var line = $"{identifiers.Count(r => r.Verified)} of {identifiers.Count} identifiers verified";
        if (links.Count > 0)
        {
            line += $", {links.Count(r => r.Verified)} of {links.Count} links answer";
        }

        return line + $"; {errors} error(s), {warnings} warning(s); {result.Requests} request(s) sent, {result.CacheHits} answer(s) from the cache.";
    }

    // Every identifier, and the links with something to say.
    private static List<CheckRow> Shown(SourceCheckResult result) =>
        result.Rows.Where(r => r.Kind != "link" || !r.Verified).ToList();

    private static string Cell(string text) =>
        Diagnostic.OneLine(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
