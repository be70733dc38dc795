namespace LdnSite.Data;

/// <summary>One published source, as in <c>input/_data/references.yaml</c>.</summary>
public sealed class Reference
{
    /// <summary>The key pages cite it by (<c>[@key]</c>).</summary>
    public string Key { get; set; } = "";

    /// <summary>Authors in citation form ("Smith JP").</summary>
    public List<string> Authors { get; set; } = [];

    /// <summary>Article title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Journal abbreviation.</summary>
    public string Journal { get; set; } = "";

    /// <summary>Publication year.</summary>
    public int Year { get; set; }

    /// <summary>Journal volume.</summary>
    public string? Volume { get; set; }

    /// <summary>Journal issue.</summary>
    public string? Issue { get; set; }

    /// <summary>Page range.</summary>
    public string? Pages { get; set; }

    /// <summary>Digital Object Identifier, without the https://doi.org/ prefix.</summary>
    public string Doi { get; set; } = "";

    /// <summary>PubMed id, when known.</summary>
    public string? Pmid { get; set; }

    /// <summary>The trial's ClinicalTrials.gov id (NCT and eight digits), when it was registered.</summary>
    public string? Trial { get; set; }

    /// <summary>When each identifier was last checked against its registry, written by <c>ldnsite check-sources --record</c>.</summary>
    public VerifiedDates? Verified { get; set; }

    /// <summary>Publisher of official drug information or a web page (instead of a journal).</summary>
    public string? Publisher { get; set; }

    /// <summary>Address of official drug information or a web page (https).</summary>
    public string? Url { get; set; }

    /// <summary>When a web page was read (yyyy-mm-dd).</summary>
    public string? Accessed { get; set; }

    /// <summary>One of <see cref="StudyDesign.All"/>'s names.</summary>
    public string Design { get; set; } = "";

    /// <summary>Who took part, for studies.</summary>
    public Participants? Participants { get; set; }

    /// <summary>How long the study ran.</summary>
    public string? Duration { get; set; }

    /// <summary>The dose studied.</summary>
    public string? Dose { get; set; }

    /// <summary>The main outcome in one plain sentence.</summary>
    public string? Outcome { get; set; }

    /// <summary>Key limits of the study.</summary>
    public string? Limits { get; set; }

    /// <summary>Conditions the source covers (<see cref="Conditions.Labels"/> names).</summary>
    public List<string> Conditions { get; set; } = [];

    /// <summary>The typed design (null only before validation).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public StudyDesign? DesignInfo => StudyDesign.Find(Design);

    /// <summary>The PubMed page, when the PMID is known.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string? PubMedUrl => Pmid is null ? null : $"https://pubmed.ncbi.nlm.nih.gov/{Pmid}/";

    /// <summary>Where a reader finds the source: its DOI, else its PubMed page, else its web address.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string? Link => Doi.Length > 0 ? DoiUrl : PubMedUrl ?? Url;

    /// <summary>Line in the YAML file, for diagnostics.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public int Line { get; set; }

    /// <summary>The DOI as a link.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string DoiUrl => "https://doi.org/" + Doi;

    /// <summary>Vancouver-style citation text without the DOI, e.g. "Smith JP, Stock H. Title. J. 2007;102(4):820-828."</summary>
    public string Citation
    {
        get
        {
            var authors = Authors.Count > 6 ? string.Join(", ", Authors.Take(6)) + ", et al" : string.Join(", ", Authors);
            var volume = Volume is null ? "" : $";{Volume}" + (Issue is null ? "" : $"({Issue})");
            var pages = Pages is null ? "" : $":{Pages}";
            return Journal.Length > 0
                ? $"{authors}. {Title.TrimEnd('.')}. {Journal}. {Year}{volume}{pages}."
                : $"{authors}. {Title.TrimEnd('.')}. {Publisher}; {Year}." + (Accessed is null ? "" : $" Accessed {Accessed}.");
        }
    }
}

/// <summary>
/// When each identifier of a reference was last found to lead to the source described
/// (yyyy-mm-dd), as <c>check-sources --record</c> writes it: <c>verified: {doi: 2026-12-07, pmid: 2026-12-07}</c>.
/// </summary>
public sealed class VerifiedDates
{
    /// <summary>The DOI, against Crossref.</summary>
    public string? Doi { get; set; }

    /// <summary>The PMID, against PubMed.</summary>
    public string? Pmid { get; set; }

    /// <summary>The trial id, against ClinicalTrials.gov.</summary>
    public string? Trial { get; set; }

    /// <summary>The web address answered.</summary>
    public string? Url { get; set; }

    /// <summary>The dates given, by identifier, in the order written.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public IEnumerable<(string Name, string Date)> All =>
        new[] { ("doi", Doi), ("pmid", Pmid), ("trial", Trial), ("url", Url) }.Where(d => d.Item2 is not null).Select(d => (d.Item1, d.Item2!));
}
