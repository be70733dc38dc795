namespace LdnSite.Markdown.Citations;

using LdnSite.Engine.Diagnostics;
using Markdig.Syntax;

/// <summary>A source a page cites: its number on that page and the ids of each place it is cited.</summary>
/// <param name="Key">Reference key.</param>
/// <param name="Number">1-based, in order of first citation on the page.</param>
/// <param name="OccurrenceIds">Ids of the citation links, for back-links from the reference list.</param>
public sealed record CitedSource(string Key, int Number, IReadOnlyList<string> OccurrenceIds);

/// <summary>
/// Numbers a page's citations in reading order and reports unknown keys (not when the references
/// file itself failed to load: that error is reported once, not once per citation).
/// </summary>
public sealed class CitationNumbering(IReadOnlyCollection<string> knownKeys, string source, ICollection<Diagnostic> problems, bool keysComplete = true)
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<List<string>> _occurrences = [];

    /// <summary>Fills in the numbers of the next citation in reading order.</summary>
    public void Visit(CitationInline citation)
    {
        for (var i = 0; i < citation.Keys.Count; i++)
        {
            var key = citation.Keys[i];
            if (!knownKeys.Contains(key) && !keysComplete)
            {
                continue;
            }

            if (!knownKeys.Contains(key))
            {
                var closest = Closest.Match(key, knownKeys);
                var hint = closest is null ? "add it to input/_data/references.yaml" : $"did you mean '@{closest}'? Otherwise add it to input/_data/references.yaml";
                problems.Add(Diagnostic.Error(source, citation.Line + 1, citation.Column + 1, "LDN030", $"Unknown citation key '@{key}'; {hint}."));
                continue;
            }

            if (!_numbers.TryGetValue(key, out var number))
            {
                number = _numbers[key] = _numbers.Count + 1;
                _occurrences.Add([]);
            }

            var id = $"cite-{number}-{_occurrences[number - 1].Count + 1}";
            _occurrences[number - 1].Add(id);
            citation.Numbers[i] = number;
            citation.OccurrenceIds[i] = id;
        }
    }

    /// <summary>The sources seen so far, in number order.</summary>
    public IReadOnlyList<CitedSource> Sources() =>
        _numbers.OrderBy(n => n.Value).Select(n => new CitedSource(n.Key, n.Value, _occurrences[n.Value - 1])).ToList();
}
