namespace LdnSite.Data;

/// <summary>Where a field of one entry of a YAML list is written, so an error points at its line.</summary>
public static class EntryLines
{
    /// <summary>The line of <paramref name="field"/> inside the entry starting on <paramref name="entryLine"/> (the entry's own line when the field is absent).</summary>
    public static int FieldLine(string[] lines, int entryLine, string field)
    {
        for (var i = Math.Max(entryLine - 1, 0); i < lines.Length; i++)
        {
            var line = lines[i].TrimStart(' ', '-');
            if (i > entryLine - 1 && lines[i].StartsWith('-'))
            {
                break;
            }

            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return entryLine;
    }
}
