namespace LdnSite.Markdown.Citations;

using LdnSite.Engine.Diagnostics;
using Markdig.Syntax;

/// <summary>A source a page cites: its number on that page and the ids of each place it is cited.</summary>
/// <param name="Key">Reference key.</param>
/// <param name="Number">1-based, in order of first citation on the page.</param>
/// <param name="OccurrenceIds">Ids of the citation links, for back-links from the reference list.</param>
public sealed record CitedSource(string Key, int Number, IReadOnlyList<string> OccurrenceIds);

/// <summary>
/// Gives a page's citations their numbers and reports unknown keys (not when the references file
/// itself failed to load: that error is reported once, not once per citation). A source has one
/// number across the whole site, its place in references.yaml, so [3] means the same study on
/// every page and on the References page.
/// </summary>
public sealed class CitationNumbering(IReadOnlyDictionary<string, int> numbers, string source, ICollection<Diagnostic> problems, bool keysComplete = true)
{
    private readonly Dictionary<string, List<string>> _occurrences = new(StringComparer.Ordinal);

    /// <summary>Fills in the numbers of the next citation in reading order.</summary>
    public void Visit(CitationInline citation)
    {
        for (var i = 0; i < citation.Keys.Count; i++)
        {
            var key = citation.Keys[i];
            if (!numbers.TryGetValue(key, out var number))
            {
                if (keysComplete)
                {
                    var closest = Closest.Match(key, numbers.Keys);
                    var hint = closest is null ? "add it to input/_data/references.yaml" : $"did you mean '@{closest}'? Otherwise add it to input/_data/references.yaml";
                    problems.Add(Diagnostic.Error(source, citation.Line + 1, citation.Column + 1, "LDN030", $"Unknown citation key '@{key}'; {hint}."));
                }

                continue;
            }

            if (!_occurrences.TryGetValue(key, out var occurrences))
            {
                occurrences = _occurrences[key] = [];
            }

            var id = $"cite-{number}-{occurrences.Count + 1}";
            occurrences.Add(id);
            citation.Numbers[i] = number;
            citation.OccurrenceIds[i] = id;
        }
    }

    /// <summary>The sources cited so far, in number order.</summary>
    public IReadOnlyList<CitedSource> Sources() =>
        _occurrences.Select(o => new CitedSource(o.Key, numbers[o.Key], o.Value)).OrderBy(c => c.Number).ToList();
}
