namespace LdnSite.Tests.Sources;

using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using LdnSite.Cli;
using LdnSite.Tests.Support;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

/// <summary>
/// Crossref, PubMed and ClinicalTrials.gov as one fake server on 127.0.0.1 (WireMock.Net), each
/// under its own base path, answering in each API's documented shape; and a temporary input
/// folder holding a references.yaml. Runs <c>ldnsite check-sources</c> in-process against them.
/// </summary>
public sealed class FakeRegistries : IDisposable
{
    /// <summary>Two entries as the real file writes them: Smith 2013 (DOI, PMID and trial) and Smith 2011 (DOI and PMID).</summary>
    public const string References = """
        # A comment that --record must keep.
        # checked: https://pubmed.ncbi.nlm.nih.gov/23188075/ (title, journal, DOI)
        - key: smith2013
          authors: ["Smith JP", "Field D", "Bingaman SI", "Evans R", "Mauger DT"]
          title: "Safety and tolerability of low-dose naltrexone therapy in children with moderate to severe Crohn's disease: a pilot study"
          journal: "J Clin Gastroenterol"
          year: 2013
          volume: "47"
          issue: "4"
          pages: "339-345"
          doi: "10.1097/MCG.0b013e3182702f2b"
          pmid: "23188075"
          trial: "NCT00715117"
          design: randomised-controlled
          participants: {count: 14, who: "children with Crohn's disease"}
          outcome: "Few side effects."
          conditions: [crohns]

        # checked: https://pubmed.ncbi.nlm.nih.gov/21380937/
        - key: smith2011
          authors: ["Smith JP", "Bingaman SI"]
          title: "Therapy with the opioid antagonist naltrexone promotes mucosal healing in active Crohn's disease: a randomized placebo-controlled trial"
          journal: "Dig Dis Sci"
          year: 2011
          volume: "56"
          pages: "2088-2097"
          doi: "10.1007/s10620-011-1653-7"
          pmid: "21380937"
          design: randomised-controlled
          participants: {count: 40, who: "adults with Crohn's disease"}
          outcome: "More people improved on LDN than on placebo."
          conditions: [crohns]

        """;

    /// <summary>Smith 2013's title, as references.yaml and PubMed have it.</summary>
    public const string Smith2013Title = "Safety and tolerability of low-dose naltrexone therapy in children with moderate to severe Crohn's disease: a pilot study";

    /// <summary>Smith 2011's title.</summary>
    public const string Smith2011Title = "Therapy with the opioid antagonist naltrexone promotes mucosal healing in active Crohn's disease: a randomized placebo-controlled trial";

    private readonly TempFolder _folder = new();

    // WireMock picks the matching mapping with the lowest priority number: each answer given
    // later gets a lower one, so a test replaces an answer by giving another.
    private int _priority = 1000;

    /// <summary>Starts the server on a free port of 127.0.0.1 and writes <paramref name="references"/>.</summary>
    public FakeRegistries(string references = References)
    {
        var port = FreePort();
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"], StartAdminInterface = false });
        Url = $"http://127.0.0.1:{port}";
        _folder.Write("input/_data/references.yaml", references);
    }

    /// <summary>The server.</summary>
    public WireMockServer Server { get; }

    /// <summary>The server's address, without a final '/'.</summary>
    public string Url { get; }

    /// <summary>The input folder.</summary>
    public string Input => _folder["input"];

    /// <summary>The references file.</summary>
    public string ReferencesPath => _folder["input/_data/references.yaml"];

    /// <summary>A path in the temporary folder.</summary>
    public string this[string relative] => _folder[relative];

    /// <summary>Writes a file in the temporary folder.</summary>
    public string Write(string relative, string text) => _folder.Write(relative, text);

    /// <summary>The 1-based line of the first line of references.yaml starting (after spaces) with <paramref name="start"/>, from <paramref name="after"/> on.</summary>
    public int LineOf(string start, string? after = null)
    {
        var lines = File.ReadAllLines(ReferencesPath);
        var from = after is null ? 0 : Array.FindIndex(lines, l => l.TrimStart(' ', '-').StartsWith(after, StringComparison.Ordinal));
        return Array.FindIndex(lines, from, l => l.TrimStart(' ', '-').StartsWith(start, StringComparison.Ordinal)) + 1;
    }

    /// <summary>Requests that reached the server under <paramref name="pathStart"/>, in order of arrival.</summary>
    public IReadOnlyList<ILogEntry> Requests(string pathStart) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage.Path.StartsWith(pathStart, StringComparison.Ordinal)).OrderBy(e => e.RequestMessage.DateTime)];

    /// <summary>Crossref answers <paramref name="json"/> (or <paramref name="status"/>) for <paramref name="doi"/>.</summary>
    public void Crossref(string doi, string? json, int status = 200) =>
        Server.Given(Request.Create().WithPath("/crossref/works/" + doi).UsingGet()).AtPriority(_priority--)
            .RespondWith(Json(status, json ?? "Resource not found."));

    /// <summary>PubMed's esummary answers <paramref name="json"/> for <paramref name="pmid"/>.</summary>
    public void PubMed(string pmid, string json) =>
        Server.Given(Request.Create().WithPath("/eutils/esummary.fcgi").WithParam("id", pmid).UsingGet()).AtPriority(_priority--)
            .RespondWith(Json(200, json));

    /// <summary>ClinicalTrials.gov answers <paramref name="json"/> (or <paramref name="status"/>) for <paramref name="nctId"/>.</summary>
    public void Trial(string nctId, string? json, int status = 200) =>
        Server.Given(Request.Create().WithPath("/ctgov/studies/" + nctId).UsingGet()).AtPriority(_priority--)
            .RespondWith(Json(status, json ?? "{}"));

    /// <summary>Every identifier of <see cref="References"/> answered as the real registries answer.</summary>
    public FakeRegistries AnswerAllCorrectly()
    {
        Crossref("10.1097/MCG.0b013e3182702f2b", Answers.CrossrefWork(Smith2013Title, "Smith", 2013, "Journal of Clinical Gastroenterology", "J Clin Gastroenterol", "47", "339-345"));
        Crossref("10.1007/s10620-011-1653-7", Answers.CrossrefWork(Smith2011Title, "Smith", 2011, "Digestive Diseases and Sciences", "Dig Dis Sci", "56", "2088-2097"));
        PubMed("23188075", Answers.Esummary("23188075", Smith2013Title + ".", "2013 Apr", "J Clin Gastroenterol", "10.1097/MCG.0b013e3182702f2b"));
        PubMed("21380937", Answers.Esummary("21380937", Smith2011Title + ".", "2011 Jul", "Dig Dis Sci", "10.1007/s10620-011-1653-7"));
        Trial("NCT00715117", Answers.Study("NCT00715117", "A made-up brief title for a test", "COMPLETED"));
        return this;
    }

    /// <summary>Runs check-sources against the fake registries with short timeouts; more arguments may follow.</summary>
    public async Task<(int ExitCode, string Output, string Error)> CheckAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        (string Name, string Value)[] defaults =
        [
            ("--input", Input), ("--site", _folder["output"]), ("--cache", _folder["cache"]),
            ("--crossref-url", Url + "/crossref/"), ("--pubmed-url", Url + "/eutils/"), ("--clinicaltrials-url", Url + "/ctgov/"),
            ("--contact-email", "maintainers@ldn.example.org"), ("--timeout", "3"), ("--retries", "2"), ("--retry-delay", "0.05"),
        ];
        // An option the test gives replaces its default (an option given twice is a parse error).
        string[] args = ["check-sources", .. defaults.Where(d => !arguments.Contains(d.Name)).SelectMany(d => new[] { d.Name, d.Value }), .. arguments];
        var exitCode = await LdnSiteApp.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        _folder.Dispose();
    }
}

/// <summary>Answers in each registry's documented JSON shape.</summary>
public static class Answers
{
    /// <summary>Crossref <c>/works/{doi}</c>: the "message" object with title, author, issued, container-title, volume and page.</summary>
    public static string CrossrefWork(string title, string family, int year, string journal, string shortJournal, string volume, string page, string extra = "") => $$$"""
        {"status":"ok","message-type":"work","message-version":"1.0.0","message":{
          "title":[{{{Quote(title)}}}],"subtitle":[],
          "author":[{"given":"J. P.","family":{{{Quote(family)}}},"sequence":"first","affiliation":[]},{"given":"D.","family":"Other","sequence":"additional","affiliation":[]}],
          "issued":{"date-parts":[[{{{year}}},1,1]]},"published-print":{"date-parts":[[{{{year}}},4]]},
          "container-title":[{{{Quote(journal)}}}],"short-container-title":[{{{Quote(shortJournal)}}}],
          "volume":{{{Quote(volume)}}},"issue":"4","page":{{{Quote(page)}}},"type":"journal-article"{{{extra}}}}}
        """;

    /// <summary>E-utilities esummary (db=pubmed, retmode=json) for one PMID.</summary>
    public static string Esummary(string pmid, string title, string pubdate, string source, string? doi, string pubtypes = "\"Journal Article\"", string references = "")
    {
        var doiId = doi is null ? "" : ",{\"idtype\":\"doi\",\"idtypen\":3,\"value\":" + Quote(doi) + "}";
        return $$$"""
        {"header":{"type":"esummary","version":"0.3"},"result":{"uids":["{{{pmid}}}"],"{{{pmid}}}":{
          "uid":"{{{pmid}}}","pubdate":{{{Quote(pubdate)}}},"epubdate":"","source":{{{Quote(source)}}},
          "authors":[{"name":"Smith JP","authtype":"Author","clusterid":""}],"lastauthor":"Mauger DT",
          "title":{{{Quote(title)}}},"volume":"47","issue":"4","pages":"339-45","lang":["eng"],
          "pubtype":[{{{pubtypes}}}],
          "articleids":[{"idtype":"pubmed","idtypen":1,"value":"{{{pmid}}}"}{{{doiId}}}],
          "references":[{{{references}}}],"fulljournalname":"Journal of clinical gastroenterology","sortpubdate":"2013/04/01 00:00"} } }
        """;
    }

    /// <summary>esummary's answer for a PMID it does not have.</summary>
    public static string EsummaryUnknown(string pmid) => $$$"""
        {"header":{"type":"esummary","version":"0.3"},"result":{"uids":[],"{{{pmid}}}":{"uid":"{{{pmid}}}","error":"cannot get document summary"} } }
        """;

    /// <summary>ClinicalTrials.gov v2 <c>/studies/{nctId}</c>.</summary>
    public static string Study(string nctId, string briefTitle, string status) => $$$"""
        {"protocolSection":{"identificationModule":{"nctId":"{{{nctId}}}","briefTitle":{{{Quote(briefTitle)}}},"officialTitle":"An official title"},
          "statusModule":{"overallStatus":"{{{status}}}"}},"hasResults":false}
        """;

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
