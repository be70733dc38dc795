namespace LdnSite.Data;

using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// How sure a finding is, in GRADE's four levels plus "not graded", each with the fixed words
/// readers see and the words its finding must use. The wording follows Cochrane's plain-language
/// summaries: a finding of low certainty says LDN "may" do something, one of very low certainty
/// says "we don't know". A finding whose words claim more than its level is a build error, so a
/// box never reads surer than its grade: the words are checked, not the meaning.
/// </summary>
/// <param name="Name">The value written in findings.yaml.</param>
/// <param name="Label">What readers see.</param>
/// <param name="Meaning">The fixed sentence shown under the label.</param>
/// <param name="Hedges">Words the finding must use one of, as whole words; empty for high certainty.</param>
public sealed record Certainty(string Name, string Label, string Meaning, IReadOnlyList<string> Hedges)
{
    /// <summary>The surest level, the one that needs no hedge and may use sure words.</summary>
    public static readonly Certainty High = new("high", "High certainty", "We are confident in this finding. More research is very unlikely to change it.", []);

    /// <summary>Every level, surest first.</summary>
    public static readonly IReadOnlyList<Certainty> All =
    [
        High,
        new("moderate", "Moderate certainty", "This is probably right, but more research could change it.", ["probably"]),
        new("low", "Low certainty", "This may be right, but more research is likely to change it.", ["may", "might"]),
        new("very-low", "Very low certainty", "We don't know: the evidence is very uncertain.", ["don't know", "do not know", "very uncertain", "unclear"]),
        new("not-graded", "No confirmed rating", "No formal rating of how sure this finding is could be confirmed. Treat it as uncertain.", ["may", "might", "don't know", "do not know", "uncertain", "unclear", "no clear", "no real difference"]),
    ];

    // Words that claim proof or cure: below high certainty a finding may not use them.
    private static readonly string[] SureWords =
    [
        "prove", "proves", "proved", "proven", "shows that", "showed that", "shown that", "demonstrates", "demonstrated",
        "confirms", "confirmed", "cure", "cures", "cured", "definitely",
    ];

    private static readonly Regex SurePattern = WholeWords(SureWords, RegexOptions.IgnoreCase);

    // "may" and "might" only in lower case: "In May 2019" is a month, not a hedge.
    private static readonly Dictionary<string, Regex> HedgePatterns = All.SelectMany(c => c.Hedges).Distinct(StringComparer.Ordinal)
        .ToDictionary(h => h, h => WholeWords([h], h is "may" or "might" ? RegexOptions.None : RegexOptions.IgnoreCase), StringComparer.Ordinal);

    /// <summary>The level of that name, or null.</summary>
    public static Certainty? Find(string? name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>True when this is a GRADE level, which someone must have graded.</summary>
    public bool IsGraded => Name != "not-graded";

    /// <summary>Whether <paramref name="text"/> (normalised by <see cref="Plain"/>) uses one of this level's hedges as words of their own.</summary>
    public bool IsHedgedIn(string text) => Hedges.Count == 0 || Hedges.Any(h => HedgePatterns[h].IsMatch(text));

    /// <summary>The first word claiming proof or cure that <paramref name="text"/> uses when this level may not ("improves" holds "proves" but claims nothing); null if none.</summary>
    public string? SureWordIn(string text) => this == High ? null : SurePattern.Match(text) is { Success: true } match ? match.Value : null;

    /// <summary>
    /// Text as a reader sees it, for the word checks: every apostrophe the ASCII one, runs of
    /// spaces one space. (Invisible formatting characters, such as a soft hyphen inside "proves",
    /// are refused before any word is checked: DecisionDataRules.)
    /// </summary>
    public static string Plain(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var mapped = c is '\u2019' or '\u2018' or '\u02BC' or '\uFF07' ? '\'' : char.IsWhiteSpace(c) ? ' ' : c;
            if (mapped != ' ' || plain.Length == 0 || plain[^1] != ' ')
            {
                plain.Append(mapped);
            }
        }

        return plain.ToString();
    }

    private static Regex WholeWords(IEnumerable<string> words, RegexOptions options) =>
        new(@"(?<![\p{L}\p{N}])(" + string.Join("|", words.Select(Regex.Escape)) + @")(?![\p{L}\p{N}])", options | RegexOptions.CultureInvariant);
}
