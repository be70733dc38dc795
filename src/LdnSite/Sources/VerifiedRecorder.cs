namespace LdnSite.Sources;

/// <summary>
/// <c>check-sources --record</c>: writes into each entry of references.yaml when its identifiers
/// were last found to lead to the source described, as one line,
/// <c>verified: {doi: 2026-12-07, pmid: 2026-12-07}</c>. The file is edited line by line, never
/// re-serialised, so every comment (the "# checked:" notes) and every other line stays as written.
/// An identifier that could not be checked this time keeps its earlier date.
/// </summary>
public static class VerifiedRecorder
{
    private static readonly string[] Order = ["doi", "pmid", "trial", "url"];

    /// <summary>The new text; the same text when nothing was verified.</summary>
    public static string Record(string text, IReadOnlyList<ReferenceEntry> entries, IReadOnlyList<CheckRow> rows, DateOnly today)
    {
        var crlf = text.Contains("\r\n", StringComparison.Ordinal);
        var lines = text.Split('\n').ToList();
        var date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // From the bottom up, so an inserted line does not move the entries still to do.
        foreach (var entry in entries.OrderByDescending(e => e.Reference.Line))
        {
            var verified = VerifiedFields(entry, rows).ToList();
            if (verified.Count == 0)
            {
                continue;
            }

            var dates = (entry.Reference.Verified?.All ?? []).ToDictionary(d => d.Name, d => d.Date, StringComparer.Ordinal);
            foreach (var field in verified)
            {
                dates[field] = date;
            }

            var line = new string(' ', entry.Indent) + "verified: {" + string.Join(", ", Order.Where(dates.ContainsKey).Select(n => $"{n}: {dates[n]}")) + "}" + (crlf ? "\r" : "");
            if (FindVerified(lines, entry) is { } at)
            {
                // The line and any lines of a block mapping under it.
                var end = at + 1;
                while (end < lines.Count && lines[end].Trim().Length > 0 && Indent(lines[end]) > entry.Indent && !lines[end].TrimStart().StartsWith('#'))
                {
                    end++;
                }

                lines.RemoveRange(at, end - at);
                lines.Insert(at, line);
            }
            else
            {
                var after = Order.Where(entry.Fields.ContainsKey).Select(f => entry.Fields[f].Line).DefaultIfEmpty(entry.LastLine).Max();
                lines.Insert(Math.Min(after, lines.Count), line);
            }
        }

        return string.Join('\n', lines);
    }

    // The fields of this entry whose check verified them.
    private static IEnumerable<string> VerifiedFields(ReferenceEntry entry, IReadOnlyList<CheckRow> rows)
    {
        var reference = entry.Reference;
        foreach (var row in rows.Where(r => r.Verified))
        {
            var mine = row.Kind switch
            {
                "DOI" => row.Key == reference.Key,
                "PMID" => row.Key == reference.Key,
                "trial" => row.Key == reference.Key,
                _ => reference.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.GetLeftPart(UriPartial.Query) == row.Id,
            };
            if (mine)
            {
                yield return row.Field;
            }
        }
    }

    private static int? FindVerified(List<string> lines, ReferenceEntry entry)
    {
        if (!entry.Fields.TryGetValue("verified", out var mark))
        {
            return null;
        }

        // The key is on the value's line (flow mapping) or the line above it (block mapping).
        for (var i = Math.Max(mark.Line - 1, 0); i >= Math.Max(entry.Reference.Line - 1, 0); i--)
        {
            if (i < lines.Count && lines[i].TrimStart(' ', '-').StartsWith("verified:", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return null;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
