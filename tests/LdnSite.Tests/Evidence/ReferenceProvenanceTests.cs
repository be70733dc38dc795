namespace LdnSite.Tests.Evidence;

using System.Net;
using System.Text.RegularExpressions;
using LdnSite.Tests.Support;

/// <summary>
/// The provenance rule: references.yaml and the pages name canonical addresses only (PubMed, doi.org, the publisher,
/// DailyMed, ClinicalTrials.gov, official drug information), never a mirror, a proxy or an IP address.
/// </summary>
public sealed partial class ReferenceProvenanceTests
{
    // Where a fact may be said to have been checked. A '# checked:' comment (or any other comment in references.yaml)
    // may only name a page on one of these hosts or their subdomains, because only they are the record itself:
    // the NLM (PubMed, PubMed Central, Bookshelf/LiverTox, LactMed, DailyMed), the DOI resolver, the trial registry,
    // the official drug regulators and health services, and the publishers' own sites of the sources we cite.
    // A copy of a page (a mirror, a proxy, an aggregator, a repository, a news report) is not the record: it can be
    // stale, altered or gone tomorrow, so a fact seen only there is written as "not yet confirmed on a canonical page".
    private static readonly string[] CanonicalHosts =
    [
        // U.S. National Library of Medicine: PubMed, PMC, NCBI Bookshelf (LiverTox, LactMed), DailyMed.
        "pubmed.ncbi.nlm.nih.gov", "pubmed.gov", "pmc.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov", "nlm.nih.gov",
        "doi.org",
        "clinicaltrials.gov",
        // Official drug information: FDA (label PDFs, openFDA), NHS, NICE, MHRA (gov.uk).
        "fda.gov", "nhs.uk", "nice.org.uk", "gov.uk",
        // Publishers' own sites.
        "journals.lww.com", "link.springer.com", "onlinelibrary.wiley.com", "journals.sagepub.com",
        "cochranelibrary.com", "cochrane.org", "thelancet.com", "academic.oup.com", "nature.com",
        "dovepress.com", "tandfonline.com", "frontiersin.org", "mdpi.com", "sciencedirect.com",
        "epain.org",            // Korean Journal of Pain, the Korean Pain Society's own journal site
        "informahealthcare.com", // Informa, owner of Taylor & Francis and Dove Medical Press (J Pain Res)
        "mayoclinic.org",        // the publisher of the 'mayoclinic' entry itself
        "plos.org",              // PLOS, publisher of PLoS One (raknes2019)
        "fhi.no",                // Norwegian Institute of Public Health, publisher of its own report (fhi2015)
        "ijpc.com",              // International Journal of Pharmaceutical Compounding (cote2018)
        "msif.org",              // Multiple Sclerosis International Federation, publisher of the 'msif' entry
        // U.S. National Institutes of Health (NIDDK's health information).
        "nih.gov",
    ];

    // Known mirrors and proxies of PubMed and journal pages; none may appear anywhere, comment or page.
    private static readonly string[] MirrorHostParts =
    [
        "webvpn", "togows", "suppr", "ouci.dntb", "sciencegate", "zendy", "booksci", "biomedsearch",
        "medicdebate", "issuu", "trials.co", "clinicaltrialexchange", "rhythmusic", "proxy",
    ];

    [GeneratedRegex(@"https?://[^\s)""'<>\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    private static string ReferencesPath => Path.Combine(RepositoryPaths.Input, "_data", "references.yaml");

    /// <summary>Why an address breaks the rule everywhere, or null when it does not.</summary>
    internal static string? MirrorProblem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "is not a valid address";
        }

        var host = uri.Host.ToLowerInvariant();
        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return "names an IP address, not a host";
        }

        if (!uri.IsDefaultPort)
        {
            return "names a port";
        }

        if (host.EndsWith(".cn", StringComparison.Ordinal))
        {
            return "is on a .cn mirror";
        }

        var part = MirrorHostParts.FirstOrDefault(p => host.Contains(p, StringComparison.Ordinal));
        return part is null ? null : $"is a known mirror or proxy ({part})";
    }

    /// <summary>Whether the address is on a canonical host (see <see cref="CanonicalHosts"/>).</summary>
    internal static bool IsCanonical(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && CanonicalHosts.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every rule broken in one file's text: (line, address, why).</summary>
    internal static List<string> Problems(string name, string text, bool commentsMustBeCanonical)
    {
        var problems = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var isComment = line.TrimStart().StartsWith('#');
            foreach (Match match in UrlPattern().Matches(line))
            {
                var url = match.Value.TrimEnd('.', ',', ';', ':');
                var why = MirrorProblem(url);
                if (why is null && commentsMustBeCanonical && isComment && !IsCanonical(url))
                {
                    why = "is not a canonical host (PubMed, doi.org, the publisher, DailyMed, ClinicalTrials.gov, official drug information)";
                }

                if (why is not null)
                {
                    problems.Add($"{name}:{i + 1}: {url} {why}");
                }
            }
        }

        return problems;
    }

    [Fact]
    public void References_name_only_canonical_addresses()
    {
        // The '# checked:' lines (and every other comment) say where a fact was verified: canonical hosts only.
        // The data fields (url:) may name other official pages, but never a mirror, a proxy, an IP or a port.
        var problems = Problems("_data/references.yaml", File.ReadAllText(ReferencesPath), commentsMustBeCanonical: true);
        Assert.True(problems.Count == 0, $"{problems.Count} address(es) break the provenance rule:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Pages_link_no_mirror_proxy_or_ip_address()
    {
        var problems = Directory.EnumerateFiles(RepositoryPaths.Input, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(path => Problems(Path.GetRelativePath(RepositoryPaths.Input, path), File.ReadAllText(path), commentsMustBeCanonical: false))
            .ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} address(es) break the provenance rule:\n" + string.Join('\n', problems));
    }

    [Theory]
    [InlineData("http://47.251.13.51:8081/21380937")]
    [InlineData("http://120.26.44.124:3004/details/1/888308275")]
    [InlineData("https://onlinelibrary-wiley-com-443.webvpn.zafu.edu.cn/doi/epdf/10.1002/art.37734")]
    [InlineData("http://togows.dbcls.jp/entry/ncbi-pubmed/38226027")]
    [InlineData("https://suppr.wilddata.cn/browses/detail/pubmed/38258677")]
    [InlineData("https://ouci.dntb.gov.ua/works/9JjQ2r19")]
    [InlineData("https://zendy.io/title/10.1002/ana.22006")]
    [InlineData("https://sciencegate.app/document/10.1177/1352458510366857")]
    [InlineData("https://m.booksci.cn/literature/45903023.htm")]
    [InlineData("http://www.biomedsearch.com/nih/Safety-Tolerability-Low-dose-Naltrexone/23188075.html")]
    [InlineData("http://medicdebate.org/node/632")]
    [InlineData("https://issuu.com./ldnim/docs/therapy_with_the_opioid_antagonist_")]
    [InlineData("https://trials.co/clinical-trials-details/-/NCT00715117")]
    [InlineData("https://clinicaltrialexchange.com/clinical-trials/x/NCT00501696")]
    [InlineData("https://pubmed.ncbi.nlm.nih.gov:8443/21380937/")]
    public void A_mirror_proxy_ip_or_port_is_caught(string url)
    {
        Assert.NotNull(MirrorProblem(url));
        Assert.NotEmpty(Problems("x", "# checked: " + url + " (abstract)", commentsMustBeCanonical: true));
        Assert.NotEmpty(Problems("x.md", "See [this](" + url + ").", commentsMustBeCanonical: false));
    }

    [Theory]
    [InlineData("https://www.ldnscience.org/research/pmid17222320")]
    [InlineData("https://www.healthday.com/healthpro-news/x.html")]
    [InlineData("https://pure.psu.edu/en/publications/x")]
    public void A_comment_naming_a_non_canonical_copy_is_caught(string url)
    {
        Assert.Null(MirrorProblem(url));
        Assert.NotEmpty(Problems("x", "# checked: " + url + " (abstract)", commentsMustBeCanonical: true));
    }

    [Theory]
    [InlineData("https://pubmed.ncbi.nlm.nih.gov/21380937/")]
    [InlineData("https://www.pubmed.gov/38227945/")]
    [InlineData("https://pmc.ncbi.nlm.nih.gov/articles/PMC6313374")]
    [InlineData("https://doi.org/10.1007/s10620-011-1653-7")]
    [InlineData("https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=f3305f0b-fb9e-4009-b28f-47fe9b1b618b")]
    [InlineData("https://clinicaltrials.gov/study/NCT00501696")]
    [InlineData("https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD010410.pub3/full")]
    [InlineData("https://api.fda.gov/drug/label.json?search=%22Vivitrol%22")]
    public void A_canonical_address_passes(string url)
    {
        Assert.Empty(Problems("x", "# checked: " + url + " (abstract)", commentsMustBeCanonical: true));
    }
}
