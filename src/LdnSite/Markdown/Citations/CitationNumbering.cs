namespace LdnSite.Markdown.Citations;

using LdnSite.Engine.Diagnostics;
using Markdig.Syntax;
using LdnSite.Diagnostics;

/// <summary>A source a page cites: its number and how many places cite it.</summary>
/// <param name="Key">Reference key.</param>
/// <param name="Number">Its number across the whole site: its 1-based place in references.yaml.</param>
/// <param name="Occurrences">How many citation links point at it, for back-links from the reference list.</param>
public sealed record CitedSource(string Key, int Number, int Occurrences)
{
    /// <summary>The metadata key a page's citations are kept under, in number order.</summary>
    public static readonly Engine.Documents.MetadataKey<IReadOnlyList<CitedSource>> OfPage = new("citations");

    /// <summary>
    /// The id of the <paramref name="occurrence"/>-th (1-based) citation link of source <paramref name="number"/>.
    /// Made when needed rather than kept: a large site kept half a million of these strings alive until writing.
    /// </summary>
    public static string OccurrenceId(int number, int occurrence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cite-{number}-{occurrence}");
}

/// <summary>
/// Gives a page's citations their numbers and reports unknown keys (not when the references file
/// itself failed to load: that error is reported once, not once per citation). A source has one
/// number across the whole site, its place in references.yaml, so [3] means the same study on
/// every page and on the References page.
/// </summary>
public sealed class CitationNumbering(IReadOnlyDictionary<string, int> numbers, string source, ICollection<Diagnostic> problems, bool keysComplete = true)
{
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

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

            var occurrence = _occurrences[key] = _occurrences.GetValueOrDefault(key) + 1;
            citation.Numbers[i] = number;
            citation.Occurrences[i] = occurrence;
        }
    }

    /// <summary>The sources cited so far, in number order.</summary>
    public IReadOnlyList<CitedSource> Sources() =>
        _occurrences.Select(o => new CitedSource(o.Key, numbers[o.Key], o.Value)).OrderBy(c => c.Number).ToList();
}
