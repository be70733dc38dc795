namespace LdnSite.Evidence;

using System.Globalization;
using System.Text.RegularExpressions;
using LdnSite.Data;

/// <summary>
/// What a reader is shown of a source beside a claim, in the reference lists and the evidence
/// table: its design, who took part, for how long and at what dose, the main outcome and the
/// limits, and where to read it (DOI, PubMed, or the publisher's page).
/// </summary>
/// <param name="Key">Reference key.</param>
/// <param name="Citation">Vancouver-style citation.</param>
/// <param name="Year">Publication year.</param>
/// <param name="ShortName">"Smith 2007", for the table and the map.</param>
/// <param name="Design">Design label ("Randomised controlled trial").</param>
/// <param name="DesignName">Design vocabulary name, for sorting and map marks.</param>
/// <param name="DesignRank">Position in <see cref="StudyDesign.All"/> (strongest first), for sorting.</param>
/// <param name="IsStudy">False for drug information.</param>
/// <param name="ParticipantCount">Number of participants, or 0 when not given.</param>
/// <param name="Participants">"40 adults with active Crohn's disease", or null.</param>
/// <param name="Duration">How long, or null.</param>
/// <param name="Dose">Dose, or null.</param>
/// <param name="Outcome">The main outcome, or null.</param>
/// <param name="Limits">Key limits, or null.</param>
/// <param name="Conditions">Condition labels.</param>
/// <param name="Doi">DOI, or null.</param>
/// <param name="DoiUrl">DOI link, or null.</param>
/// <param name="Pmid">PubMed id, or null.</param>
/// <param name="PubMedUrl">PubMed link, or null.</param>
/// <param name="Url">Publisher's page, or null.</param>
/// <param name="Publisher">Publisher of drug information, or null.</param>
/// <param name="Verified">"DOI and PubMed id verified on 2026-12-07" (from <c>verified:</c>, which check-sources --record writes), or null.</param>
public sealed record StudyFacts(
    string Key, string Citation, int Year, string ShortName, string Design, string DesignName, int DesignRank, bool IsStudy,
    int ParticipantCount, string? Participants, string? Duration, string? Dose, string? Outcome, string? Limits,
    IReadOnlyList<string> Conditions, string? Doi, string? DoiUrl, string? Pmid, string? PubMedUrl, string? Url, string? Publisher, string? Verified)
{
    /// <summary>The facts of a checked reference.</summary>
    public static StudyFacts Of(Reference r)
    {
        var design = r.DesignInfo ?? StudyDesign.All[^1];
        var firstAuthor = r.Authors.FirstOrDefault()?.Split(' ')[0] ?? r.Key;
        return new StudyFacts(
            r.Key,
            r.Citation,
            r.Year,
            $"{firstAuthor} {r.Year.ToString(CultureInfo.InvariantCulture)}",
            design.Label,
            design.Name,
            StudyDesign.All.ToList().IndexOf(design),
            design.IsStudy,
            r.Participants?.Count ?? 0,
            r.Participants is { } p ? ParticipantsText(p.Count, p.Who) : null,
            r.Duration,
            r.Dose,
            r.Outcome,
            r.Limits,
            r.Conditions.Select(c => Data.Conditions.Labels.GetValueOrDefault(c, c)).ToList(),
            r.Doi.Length > 0 ? r.Doi : null,
            r.Doi.Length > 0 ? r.DoiUrl : null,
            r.Pmid,
            r.PubMedUrl,
            r.Url,
            r.Publisher,
            VerifiedText(r.Verified));
    }

    /// <summary>
    /// "40 adults with active Crohn's disease": the count, then who. A description that already
    /// starts with its number ("one breastfeeding mother") is shown as written, not as "1 one…".
    /// </summary>
    public static string ParticipantsText(int count, string who) =>
        StartsWithNumber.IsMatch(who) ? who : $"{count.ToString("N0", CultureInfo.InvariantCulture)} {who}";

    /// <summary>"1 person", "40 people".</summary>
    public static string People(int count) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + (count == 1 ? " person" : " people");

    private static readonly Regex StartsWithNumber = new(
        @"^\s*(\d|(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|single|both)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // The identifiers grouped by the day each was last confirmed, in the order they are written.
    private static string? VerifiedText(VerifiedDates? verified)
    {
        var groups = (verified?.All ?? []).GroupBy(d => d.Date, StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        static string Name(string field) => field switch { "doi" => "DOI", "pmid" => "PubMed id", "trial" => "trial registration", _ => "web address" };
        static string And(IReadOnlyList<string> names) => names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        return string.Join("; ", groups.Select(g => $"{And([.. g.Select(d => Name(d.Name))])} verified on {g.Key}")) + ".";
    }
}
