namespace LdnSite.Data;

using System.Globalization;
using System.Text.RegularExpressions;
using LdnSite.Engine.Diagnostics;

/// <summary>
/// What makes a reference entry publishable: the fields every entry needs, well-formed DOI and
/// PMID, a design and conditions from the fixed vocabularies, and the study facts readers are
/// shown beside each claim (participants and outcome for studies; publisher and address for
/// drug information). Each problem points at the field's own line.
/// </summary>
public static partial class ReferenceRules
{
    [GeneratedRegex(@"^10\.\d{4,9}/[^\s""<>]+\z")]
    private static partial Regex DoiPattern();

    [GeneratedRegex(@"^[1-9]\d{0,8}\z")]
    private static partial Regex PmidPattern();

    [GeneratedRegex(@"^NCT\d{8}\z")]
    private static partial Regex TrialPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\z")]
    private static partial Regex KeyPattern();

    /// <summary>Every problem with <paramref name="reference"/>; <paramref name="lines"/> is the file's text split into lines.</summary>
    public static IEnumerable<Diagnostic> Check(Reference reference, string path, string[] lines)
    {
        Diagnostic Error(string field, string message) =>
            Diagnostic.Error(path, EntryLines.FieldLine(lines, reference.Line, field), 1, "LDN041", $"Reference '{reference.Key}': {message}");

        if (!KeyPattern().IsMatch(reference.Key))
        {
            yield return Error("key", "the key must be lower-case letters, digits and '-' (e.g. smith2007).");
        }

        if (string.IsNullOrWhiteSpace(reference.Title))
        {
            yield return Error("title", "needs a title.");
        }

        if (reference.Authors.Count == 0 || reference.Authors.Any(string.IsNullOrWhiteSpace))
        {
            yield return Error("authors", "needs a list of authors (for an official source, the organisation).");
        }

        if (reference.Year is < 1900 or > 2100)
        {
            yield return Error("year", "needs the year of publication (e.g. 2013).");
        }

        if (reference.DesignInfo is not { } design)
        {
            yield return Error("design", $"design '{reference.Design}' is not one of: {string.Join(", ", StudyDesign.All.Select(d => d.Name))}.");
            yield break;
        }

        if (reference.Doi.Length > 0 && !DoiPattern().IsMatch(reference.Doi))
        {
            yield return Error("doi", $"'{reference.Doi}' is not a DOI; write it without https://doi.org/, e.g. 10.1097/MCG.0b013e3182702f2b.");
        }

        if (reference.Pmid is { } pmid && !PmidPattern().IsMatch(pmid))
        {
            yield return Error("pmid", $"'{pmid}' is not a PubMed id; it is a number of up to nine digits.");
        }

        if (reference.Trial is { } trial && !TrialPattern().IsMatch(trial))
        {
            yield return Error("trial", $"'{trial}' is not a ClinicalTrials.gov id; it is NCT and eight digits, e.g. NCT00715117.");
        }

        foreach (var (name, date) in reference.Verified?.All ?? [])
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                yield return Error("verified", $"verified {name} '{date}' must be a date written yyyy-mm-dd (check-sources --record writes it).");
            }
        }

        foreach (var condition in reference.Conditions.Where(c => !Conditions.Labels.ContainsKey(c)))
        {
            yield return Error("conditions", $"condition '{condition}' is not one of: {string.Join(", ", Conditions.Labels.Keys)}.");
        }

        if (reference.Url is { } url && !WebAddress.IsPlainHttps(url, out _))
        {
            yield return Error("url", $"'{url}' must be a full https:// address, without spaces, quotes, angle brackets or a user name.");
        }

        if (reference.Accessed is { } accessed && !DateOnly.TryParseExact(accessed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return Error("accessed", $"'{accessed}' must be a date written yyyy-mm-dd.");
        }

        if (design.IsStudy)
        {
            // A review published as a report by a public body (a health-technology assessment) has
            // a publisher and an address of its own instead of a journal and a DOI; a trial never.
            var report = design.IsReview && !string.IsNullOrWhiteSpace(reference.Publisher) && reference.Url is not null;
            if (string.IsNullOrWhiteSpace(reference.Journal) && !report)
            {
                yield return Error("journal", "a study needs its journal (a review published as a report: its publisher and url).");
            }

            if (reference.Doi.Length == 0 && reference.Pmid is null && !report)
            {
                yield return Error("doi", "a study needs a DOI or a PMID, checked against PubMed or the publisher's page (a review published as a report: its publisher and url).");
            }

            if (string.IsNullOrWhiteSpace(reference.Outcome))
            {
                yield return Error("outcome", "a study needs its main outcome in one plain sentence, from its abstract.");
            }

            if (reference.Participants is { } participants && (participants.Count < 1 || string.IsNullOrWhiteSpace(participants.Who)))
            {
                yield return Error("participants", "participants need a count above zero and who they were.");
            }

            if (reference.Conditions.Count == 0)
            {
                yield return Error("conditions", "a study needs the conditions it covers.");
            }
        }
        else if (string.IsNullOrWhiteSpace(reference.Publisher) || reference.Url is null)
        {
            yield return Error("publisher", $"{design.Label.ToLowerInvariant()} needs its publisher and url.");
        }
    }
}
