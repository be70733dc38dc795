namespace LdnSite.Data;

/// <summary>
/// How sure a finding is, in GRADE's four levels plus "not formally graded", each with the fixed
/// words readers see and the words its finding must use. The wording follows Cochrane's
/// plain-language summaries: a finding of low certainty says LDN "may" do something, one of very
/// low certainty says "we don't know". A finding whose words claim more than its level is a build
/// error, so a box can never read surer than its grade.
/// </summary>
/// <param name="Name">The value written in findings.yaml.</param>
/// <param name="Label">What readers see.</param>
/// <param name="Meaning">The fixed sentence shown under the label.</param>
/// <param name="Hedges">Words the finding's effect must contain one of; empty for high certainty.</param>
public sealed record Certainty(string Name, string Label, string Meaning, IReadOnlyList<string> Hedges)
{
    /// <summary>Every level, surest first.</summary>
    public static readonly IReadOnlyList<Certainty> All =
    [
        new("high", "High certainty", "We are confident in this finding. More research is very unlikely to change it.", []),
        new("moderate", "Moderate certainty", "This is probably right, but more research could change it.", ["probably"]),
        new("low", "Low certainty", "This may be right, but more research is likely to change it.", ["may ", "might "]),
        new("very-low", "Very low certainty", "We don't know: the evidence is very uncertain.", ["don't know", "do not know", "very uncertain", "unclear"]),
        new("not-graded", "No confirmed rating", "No formal rating of how sure this finding is could be confirmed. Treat it as uncertain.", ["may ", "might ", "don't know", "do not know", "uncertain", "unclear", "no clear", "no real difference"]),
    ];

    /// <summary>Words that only a surer level may use: a finding graded below high that says "shows" or "proves" claims too much.</summary>
    public static readonly IReadOnlyList<string> SureWords = ["proves", "proven", "shows that", "definitely", "cures"];

    /// <summary>The first of <see cref="SureWords"/> that <paramref name="text"/> uses as a word of its own ("improves" holds "proves" but does not claim proof).</summary>
    public static string? SureWordIn(string text) =>
        SureWords.FirstOrDefault(w => System.Text.RegularExpressions.Regex.IsMatch(text, @"(?<![\p{L}\p{N}])" + System.Text.RegularExpressions.Regex.Escape(w) + @"(?![\p{L}\p{N}])", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant));

    /// <summary>The level of that name, or null.</summary>
    public static Certainty? Find(string? name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>True when this is a GRADE level, which someone must have graded.</summary>
    public bool IsGraded => Name != "not-graded";
}
