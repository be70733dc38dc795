namespace LdnSite.Sources;

using LdnSite.Engine.Diagnostics;

/// <summary>
/// Turns a registry's answer about one identifier into the summary row and its diagnostics, each
/// at the line and column of the field it is about. A disagreement is an error (the data or the
/// identifier is wrong); an answer that could not be had is a warning naming the reference.
/// </summary>
public static class IdentifierChecks
{
    /// <summary>A DOI against Crossref: the title first (another title is another paper), then first author, year, journal, volume and first page.</summary>
    public static CheckRow Doi(ReferenceEntry entry, Lookup<CrossrefWork> lookup)
    {
        var reference = entry.Reference;
        var doi = reference.Doi;
        if (lookup.Record is not { } work)
        {
            return Unanswered(entry, "DOI", doi, "doi", "Crossref", lookup.Answer, lookup.Unreadable,
                $"DOI {doi} is not registered at Crossref ({lookup.Answer.Detail}); check it at https://doi.org/{doi} and copy it from the journal or PubMed, never from notes.",
                SourceCodes.DoiUnknown);
        }

        var says = $"\"{work.Title}\" ({work.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no year"}, {work.JournalShown ?? "no journal"})";
        var found = new List<Diagnostic>();
        if (!work.HasTitle(reference.Title))
        {
            found.Add(Error(entry, "doi", SourceCodes.CrossrefMismatch, $"DOI {doi} resolves to {says}, not \"{reference.Title}\": the DOI belongs to another paper, or the entry describes another one."));
        }
        else
        {
            if (work.FirstAuthor is { } family && reference.Authors.Count > 0 && TextMatch.Normalize(family) != TextMatch.FamilyName(reference.Authors[0]))
            {
                found.Add(Error(entry, "authors", SourceCodes.CrossrefMismatch, $"Crossref gives DOI {doi} the first author '{family}', not '{reference.Authors[0]}'."));
            }

            if (work.Years.Count > 0 && !work.Years.Contains(reference.Year))
            {
                found.Add(Error(entry, "year", SourceCodes.CrossrefMismatch, $"Crossref gives DOI {doi} the year {string.Join(" or ", work.Years)}, not {reference.Year}."));
            }

            if (reference.Journal.Length > 0 && (work.Journal ?? work.ShortJournal) is not null
                && !TextMatch.SameJournal(reference.Journal, work.ShortJournal) && !TextMatch.SameJournal(reference.Journal, work.Journal))
            {
                found.Add(Error(entry, "journal", SourceCodes.CrossrefMismatch, $"Crossref gives DOI {doi} the journal '{work.JournalShown}', not '{reference.Journal}'."));
            }

            if (work.Volume is { } volume && reference.Volume is { } written && volume.Trim() != written.Trim())
            {
                found.Add(Error(entry, "volume", SourceCodes.CrossrefMismatch, $"Crossref gives DOI {doi} the volume {volume}, not {written}."));
            }

            if (work.Page is { } page && reference.Pages is { } pages && TextMatch.FirstPage(page) != TextMatch.FirstPage(pages))
            {
                found.Add(Error(entry, "pages", SourceCodes.CrossrefMismatch, $"Crossref gives DOI {doi} the pages {page}, not {pages}."));
            }
        }

        if (work.Retracted)
        {
            found.Add(Error(entry, "doi", SourceCodes.Retracted, $"Crossref records a retraction of DOI {doi} ({says}): remove the claims that rest on it, or say that it was retracted."));
        }

        return Row(entry, "DOI", doi, says, found);
    }

    /// <summary>A PMID against PubMed: title, year and journal, the DOI PubMed gives it, retraction and errata.</summary>
    public static CheckRow Pmid(ReferenceEntry entry, Lookup<PubMedRecord> lookup)
    {
        var reference = entry.Reference;
        var pmid = reference.Pmid!;
        if (lookup.Record is not { Title.Length: > 0 } record)
        {
            return Unanswered(entry, "PMID", pmid, "pmid", "PubMed", lookup.Answer, lookup.Unreadable,
                $"PubMed has no record {pmid}; check it at https://pubmed.ncbi.nlm.nih.gov/{pmid}/.",
                SourceCodes.PmidUnknown);
        }

        var says = $"\"{record.Title.TrimEnd('.')}\" ({record.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no year"}, {record.Journal ?? record.FullJournal ?? "no journal"})";
        var found = new List<Diagnostic>();
        if (!TextMatch.SameTitle(reference.Title, record.Title))
        {
            found.Add(Error(entry, "pmid", SourceCodes.PubMedMismatch, $"PMID {pmid} is {says}, not \"{reference.Title}\": the PMID belongs to another paper, or the entry describes another one."));
        }
        else
        {
            if (record.Years.Count > 0 && !record.Years.Contains(reference.Year))
            {
                found.Add(Error(entry, "year", SourceCodes.PubMedMismatch, $"PubMed gives PMID {pmid} the year {string.Join(" or ", record.Years)}, not {reference.Year}."));
            }

            if (reference.Journal.Length > 0 && (record.Journal ?? record.FullJournal) is not null
                && !TextMatch.SameJournal(reference.Journal, record.Journal) && !TextMatch.SameJournal(reference.Journal, record.FullJournal))
            {
                found.Add(Error(entry, "journal", SourceCodes.PubMedMismatch, $"PubMed gives PMID {pmid} the journal '{record.Journal ?? record.FullJournal}', not '{reference.Journal}'."));
            }
        }

        // The cross-check that catches a DOI copied from another paper: PubMed's own DOI for the PMID.
        if (reference.Doi.Length > 0 && record.Doi is { } pubMedDoi && !string.Equals(pubMedDoi.Trim(), reference.Doi, StringComparison.OrdinalIgnoreCase))
        {
            found.Add(Error(entry, "doi", SourceCodes.DoiBelongsElsewhere, $"PubMed gives PMID {pmid} the DOI {pubMedDoi}, not {reference.Doi}: one of the two identifiers belongs to another paper."));
        }

        if (record.Retracted)
        {
            found.Add(Error(entry, "pmid", SourceCodes.Retracted, $"PubMed marks PMID {pmid} ({says}) as retracted: remove the claims that rest on it, or say that it was retracted."));
        }

        foreach (var erratum in record.Errata)
        {
            found.Add(Warning(entry, "pmid", SourceCodes.Erratum, $"PubMed lists an erratum for PMID {pmid}{(erratum.Length > 0 ? $" ({erratum})" : "")}: check that the facts quoted from it are the corrected ones."));
        }

        return Row(entry, "PMID", pmid, says, found);
    }

    /// <summary>A ClinicalTrials.gov id: that it exists, its title and status.</summary>
    public static CheckRow Trial(ReferenceEntry entry, Lookup<TrialRecord> lookup)
    {
        var id = entry.Reference.Trial!;
        if (lookup.Record is not { } trial)
        {
            return Unanswered(entry, "trial", id, "trial", "ClinicalTrials.gov", lookup.Answer, lookup.Unreadable,
                $"ClinicalTrials.gov has no trial {id}; check it at https://clinicaltrials.gov/study/{id}.",
                SourceCodes.TrialUnknown);
        }

        var says = $"\"{trial.Title}\" ({trial.Status ?? "no status"})";
        var found = new List<Diagnostic>();
        if (trial.Stopped)
        {
            found.Add(Warning(entry, "trial", SourceCodes.TrialStopped, $"ClinicalTrials.gov gives trial {id} the status {trial.Status}: say so where the study is described."));
        }

        return Row(entry, "trial", id, says, found);
    }

    // No record: the registry says there is none (an error), or it could not be asked (a warning).
    private static CheckRow Unanswered(ReferenceEntry entry, string kind, string id, string field, string registry, Answer answer, string? unreadable, string notFound, string notFoundCode)
    {
        var key = entry.Reference.Key;
        var (code, message, outcome) = (answer.Kind, unreadable) switch
        {
            (AnswerKind.NotFound, _) => (notFoundCode, notFound, "not found"),
            (_, { } why) => (SourceCodes.RegistryUnreadable, $"{registry}'s answer about {kind} {id} could not be read ({why}); run check-sources again later, and if it persists, the registry's format may have changed.", "not checked: " + why),
            (AnswerKind.TooLarge, _) => (SourceCodes.RegistryUnreadable, $"{registry}'s answer about {kind} {id} was not read: it {answer.Detail}; run check-sources again later.", "not checked: too large"),
            (AnswerKind.Refused, _) => (SourceCodes.RedirectRefused, $"{registry} was not followed for {kind} {id}: it {answer.Detail}; run check-sources again later, and check the registry's address if it persists.", "not checked: " + answer.Detail),
            _ => (SourceCodes.RegistryUnreachable, $"{registry} could not be asked about {kind} {id}: {answer.Detail}; run check-sources again later.", "not checked: " + answer.Detail),
        };
        var diagnostic = answer.Kind == AnswerKind.NotFound && unreadable is null
            ? Error(entry, field, code, message)
            : Warning(entry, field, code, message);
        return new CheckRow(key, kind, id, outcome, "", false, [diagnostic]);
    }

    private static CheckRow Row(ReferenceEntry entry, string kind, string id, string says, List<Diagnostic> found)
    {
        var errors = found.Count(d => d.Severity == Severity.Error);
        var outcome = errors > 0 ? "mismatch (" + string.Join(", ", found.Where(d => d.Severity == Severity.Error).Select(d => d.Code).Distinct()) + ")" : found.Count > 0 ? "verified, with a warning" : "verified";
        if (found.Any(d => d.Code == SourceCodes.Retracted))
        {
            outcome = "retracted";
        }

        return new CheckRow(entry.Reference.Key, kind, id, outcome, says, errors == 0, found);
    }

    private static Diagnostic Error(ReferenceEntry entry, string field, string code, string message) =>
        At(entry, field, Severity.Error, code, message);

    private static Diagnostic Warning(ReferenceEntry entry, string field, string code, string message) =>
        At(entry, field, Severity.Warning, code, message);

    private static Diagnostic At(ReferenceEntry entry, string field, Severity severity, string code, string message)
    {
        var mark = entry.At(field);
        return new Diagnostic(ReferenceEntries.File, mark.Line, mark.Column, severity, code, $"Reference '{entry.Reference.Key}': {message}");
    }
}
