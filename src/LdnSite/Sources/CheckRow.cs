namespace LdnSite.Sources;

using LdnSite.Engine.Diagnostics;

/// <summary>One identifier or link checked: a row of the summary table.</summary>
/// <param name="Key">The reference's key, or the page a link is on.</param>
/// <param name="Kind">"DOI", "PMID", "trial" or "link".</param>
/// <param name="Id">The identifier or address.</param>
/// <param name="Outcome">What came of it, in a few words ("verified", "mismatch", "not checked: …").</param>
/// <param name="Says">What the registry says it is (a title and year, a trial's status), when it said.</param>
/// <param name="Verified">Whether it leads to the source described (what --record records).</param>
/// <param name="Diagnostics">What was reported about it.</param>
public sealed record CheckRow(string Key, string Kind, string Id, string Outcome, string Says, bool Verified, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The field of references.yaml that --record dates for this row's kind.</summary>
    public string Field => Kind switch { "DOI" => "doi", "PMID" => "pmid", "trial" => "trial", _ => "url" };
}
