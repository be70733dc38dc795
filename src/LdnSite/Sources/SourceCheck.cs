namespace LdnSite.Sources;

using LdnSite.Engine.Diagnostics;

/// <summary>What a run found.</summary>
/// <param name="Diagnostics">Everything reported, by file and line.</param>
/// <param name="Rows">Every identifier and link checked.</param>
/// <param name="Requests">Requests sent (cache hits send none).</param>
/// <param name="CacheHits">Answers taken from the cache.</param>
public sealed record SourceCheckResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<CheckRow> Rows, int Requests, int CacheHits)
{
    /// <summary>Whether anything is wrong with the data (a warning is not).</summary>
    public bool Failed => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// One run of check-sources: reads references.yaml, asks Crossref, PubMed and ClinicalTrials.gov
/// about each identifier (the three side by side, each registry one request at a time within its
/// rate), checks outbound links when asked, and records verified dates when asked.
/// </summary>
public static class SourceCheck
{
    /// <summary>Runs the check. <paramref name="progress"/> gets (done, total) after each identifier or link.</summary>
    public static async Task<SourceCheckResult> RunAsync(SourceCheckOptions options, bool record, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var path = Path.Combine(options.InputFolder, ReferenceEntries.File);
        if (!File.Exists(path))
        {
            return new SourceCheckResult([Diagnostic.Error(ReferenceEntries.File, 0, 0, "LDN040", "There is no references.yaml to check; check --input (the default is input/).")], [], 0, 0);
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var (entries, problems) = ReferenceEntries.Read(text);
        var diagnostics = new List<Diagnostic>(problems);
        if (options.Contact is null)
        {
            diagnostics.Add(Diagnostic.Warning("--contact-email", 0, 0, SourceCodes.NoContact,
                "No contact address for the registries: pass --contact-email or set LDNSITE_CONTACT_EMAIL, so Crossref and NCBI can reach the site's maintainers (and Crossref serves the run from its polite pool)."));
        }

        var links = options.Links ? CollectLinks(options, entries, diagnostics) : new Dictionary<string, List<LinkPlace>>();
        var cache = options.CacheFolder is null ? null : new ResponseCache(options.CacheFolder, options.CacheAge);
        var http = options.Http;
        // A registry is where the options say it is (loopback in tests), and never left for another host.
        using var crossrefHttp = new PoliteClient(http, Once(SourceCheckOptions.CrossrefInterval), cache, sameHostOnly: true, guardAddresses: false, allowPrivate: true);
        using var pubMedHttp = new PoliteClient(http, Once(options.PubMedInterval), cache, sameHostOnly: true, guardAddresses: false, allowPrivate: true);
        using var trialsHttp = new PoliteClient(http, Once(SourceCheckOptions.ClinicalTrialsInterval), cache, sameHostOnly: true, guardAddresses: false, allowPrivate: true);
        using var linkHttp = new PoliteClient(http, LinkChecker.PerHost(options.LinkHostInterval), null, sameHostOnly: false, guardAddresses: true, options.AllowPrivateAddresses, accept: "text/html,*/*;q=0.8");

        var crossref = new CrossrefClient(crossrefHttp, options.Crossref, options.Contact);
        var pubMed = new PubMedClient(pubMedHttp, options.PubMed, options.Contact, options.NcbiApiKey);
        var trials = new ClinicalTrialsClient(trialsHttp, options.ClinicalTrials);

        var withDoi = entries.Where(e => e.Reference.Doi.Length > 0).ToList();
        var withPmid = entries.Where(e => e.Reference.Pmid is not null).ToList();
        var withTrial = entries.Where(e => e.Reference.Trial is not null).ToList();
        var total = withDoi.Count + withPmid.Count + withTrial.Count + links.Count;
        var done = 0;
        void Step() => progress?.Invoke(Interlocked.Increment(ref done), total);

        // Each registry's entries one after another (its own pace), the registries side by side.
        var lanes = await Task.WhenAll(
            Lane(withDoi, async (e, t) => IdentifierChecks.Doi(e, await crossref.WorkAsync(e.Reference.Doi, t)), Step, cancellationToken),
            Lane(withPmid, async (e, t) => IdentifierChecks.Pmid(e, await pubMed.SummaryAsync(e.Reference.Pmid!, t)), Step, cancellationToken),
            Lane(withTrial, async (e, t) => IdentifierChecks.Trial(e, await trials.StudyAsync(e.Reference.Trial!, t)), Step, cancellationToken),
            new LinkChecker(linkHttp).CheckAsync(links, Step, cancellationToken));

        var rows = lanes.SelectMany(l => l).ToList();
        diagnostics.AddRange(rows.SelectMany(r => r.Diagnostics));
        var requests = crossrefHttp.Requests + pubMedHttp.Requests + trialsHttp.Requests + linkHttp.Requests;
        var result = new SourceCheckResult(Sorted(diagnostics), rows, requests, crossrefHttp.CacheHits + pubMedHttp.CacheHits + trialsHttp.CacheHits);

        if (record)
        {
            var recorded = VerifiedRecorder.Record(text, entries, rows, options.Today);
            if (recorded != text)
            {
                var temporary = path + ".tmp";
                await File.WriteAllTextAsync(temporary, recorded, cancellationToken);
                File.Move(temporary, path, overwrite: true);
            }
        }

        return result;
    }

    private static IReadOnlyDictionary<string, List<LinkPlace>> CollectLinks(SourceCheckOptions options, IReadOnlyList<ReferenceEntry> entries, List<Diagnostic> diagnostics)
    {
        if (!Directory.Exists(options.SiteFolder))
        {
            diagnostics.Add(Diagnostic.Warning(options.SiteFolder, 0, 0, SourceCodes.NoBuiltSite,
                "There is no built site to read links from; run 'ldnsite build' first (only the references' url fields are checked)."));
        }

        return SiteLinks.Collect(options.SiteFolder, entries);
    }

    private static Func<Uri, IntervalLimiter> Once(TimeSpan interval)
    {
        var limiter = new IntervalLimiter(interval);
        return _ => limiter;
    }

    private static async Task<IReadOnlyList<CheckRow>> Lane(List<ReferenceEntry> entries, Func<ReferenceEntry, CancellationToken, Task<CheckRow>> check, Action step, CancellationToken cancellationToken)
    {
        var rows = new List<CheckRow>();
        foreach (var entry in entries)
        {
            rows.Add(await check(entry, cancellationToken));
            step();
        }

        return rows;
    }

    private static List<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal)];
}
