namespace LdnSite.Markdown.Citations;

using LdnSite.Engine.Diagnostics;
using Markdig.Syntax;

/// <summary>A source a page cites: its number on that page and the ids of each place it is cited.</summary>
/// <param name="Key">Reference key.</param>
/// <param name="Number">1-based, in order of first citation on the page.</param>
/// <param name="OccurrenceIds">Ids of the citation links, for back-links from the reference list.</param>
public sealed record CitedSource(string Key, int Number, IReadOnlyList<string> OccurrenceIds);

/// <summary>Numbers a page's citations in reading order and reports unknown keys.</summary>
public static class CitationNumbering
{
    /// <summary>Fills in numbers on every <see cref="CitationInline"/>; returns the page's sources in number order.</summary>
    public static IReadOnlyList<CitedSource> Assign(MarkdownDocument document, IReadOnlyCollection<string> knownKeys, string source, ICollection<Diagnostic> problems)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var occurrences = new List<List<string>>();
        foreach (var citation in document.Descendants<CitationInline>())
        {
            for (var i = 0; i < citation.Keys.Count; i++)
            {
                var key = citation.Keys[i];
                if (!knownKeys.Contains(key))
                {
                    var closest = Closest.Match(key, knownKeys);
                    var hint = closest is null ? "add it to input/_data/references.yaml" : $"did you mean '@{closest}'? Otherwise add it to input/_data/references.yaml";
                    problems.Add(Diagnostic.Error(source, citation.Line + 1, citation.Column + 1, "LDN030", $"Unknown citation key '@{key}'; {hint}."));
                    continue;
                }

                if (!numbers.TryGetValue(key, out var number))
                {
                    number = numbers[key] = numbers.Count + 1;
                    occurrences.Add([]);
                }

                var id = $"cite-{number}-{occurrences[number - 1].Count + 1}";
                occurrences[number - 1].Add(id);
                citation.Numbers[i] = number;
                citation.OccurrenceIds[i] = id;
            }
        }

        return numbers.OrderBy(n => n.Value).Select(n => new CitedSource(n.Key, n.Value, occurrences[n.Value - 1])).ToList();
    }
}
