namespace LdnSite.Sources;

/// <summary>
/// The diagnostic codes check-sources reports (LDN200–LDN229), each described in
/// <c>Diagnostics/DiagnosticCatalog.cs</c>. Errors mean the data is wrong; warnings mean the
/// check could not be made this time and only a later run can tell.
/// </summary>
public static class SourceCodes
{
    /// <summary>Error: Crossref's record for the DOI is another work, or differs in year, journal, volume, pages or first author.</summary>
    public const string CrossrefMismatch = "LDN200";

    /// <summary>Error: Crossref does not know the DOI.</summary>
    public const string DoiUnknown = "LDN201";

    /// <summary>Error: PubMed's record for the PMID differs in title, year or journal.</summary>
    public const string PubMedMismatch = "LDN202";

    /// <summary>Error: PubMed gives the PMID another DOI than the entry's.</summary>
    public const string DoiBelongsElsewhere = "LDN203";

    /// <summary>Error: PubMed does not know the PMID.</summary>
    public const string PmidUnknown = "LDN204";

    /// <summary>Error: the paper is retracted.</summary>
    public const string Retracted = "LDN205";

    /// <summary>Warning: an erratum or correction was published for the paper.</summary>
    public const string Erratum = "LDN206";

    /// <summary>Error: ClinicalTrials.gov does not know the trial id.</summary>
    public const string TrialUnknown = "LDN207";

    /// <summary>Warning: the trial was withdrawn, terminated or suspended.</summary>
    public const string TrialStopped = "LDN208";

    /// <summary>Warning: a registry could not be reached or kept failing (timeout, 429, 5xx).</summary>
    public const string RegistryUnreachable = "LDN210";

    /// <summary>Warning: a registry's answer could not be read (not JSON, not the documented shape, too large).</summary>
    public const string RegistryUnreadable = "LDN211";

    /// <summary>Warning: a redirect was refused (another host or scheme, a loop, too many).</summary>
    public const string RedirectRefused = "LDN212";

    /// <summary>Warning: no contact address for the registries' polite pools.</summary>
    public const string NoContact = "LDN213";

    /// <summary>Error: an option of check-sources is not valid (a registry address, the contact address).</summary>
    public const string BadOption = "LDN214";

    /// <summary>Error: an outbound link answers 404 or 410.</summary>
    public const string LinkGone = "LDN215";

    /// <summary>Warning: an outbound link could not be checked (timeout, 429, 5xx, refused the check).</summary>
    public const string LinkUnchecked = "LDN216";

    /// <summary>Warning: an outbound link was not followed (a scheme other than http(s), a private address, a redirect loop).</summary>
    public const string LinkRefused = "LDN217";

    /// <summary>Warning: the built site to read links from is missing.</summary>
    public const string NoBuiltSite = "LDN218";
}
