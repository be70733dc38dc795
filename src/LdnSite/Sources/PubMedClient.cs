namespace LdnSite.Sources;

using System.Text.Json;

/// <summary>What PubMed says a PMID is (E-utilities <c>esummary</c>, JSON).</summary>
/// <param name="Title">The title (PubMed ends it with a full stop).</param>
/// <param name="Year">The year of <c>pubdate</c> ("2013 Apr").</param>
/// <param name="Years">Publication years PubMed gives (print and electronic), for comparing.</param>
/// <param name="Journal">The journal's abbreviation (<c>source</c>).</param>
/// <param name="FullJournal">The journal's full name.</param>
/// <param name="Doi">The DOI among its article ids, when it has one.</param>
/// <param name="Retracted">Marked "Retracted Publication", or with a "Retraction in" notice.</param>
/// <param name="Errata">The "Erratum in" notices' sources.</param>
public sealed record PubMedRecord(string Title, int? Year, IReadOnlyList<int> Years, string? Journal, string? FullJournal, string? Doi, bool Retracted, IReadOnlyList<string> Errata);

/// <summary>
/// NCBI E-utilities' esummary, with the <c>tool</c> and <c>email</c> parameters NCBI asks of
/// programs, and the optional API key (from <c>NCBI_API_KEY</c>), which is sent but never cached
/// or printed.
/// </summary>
public sealed class PubMedClient(PoliteClient client, Uri baseAddress, string? contact, string? apiKey)
{
    /// <summary>The public E-utilities.</summary>
    public static readonly Uri DefaultBase = new("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/");

    /// <summary>Looks up a PMID.</summary>
    public async Task<Lookup<PubMedRecord>> SummaryAsync(string pmid, CancellationToken cancellationToken)
    {
        var query = $"esummary.fcgi?db=pubmed&id={Uri.EscapeDataString(pmid)}&retmode=json&tool=ldnsite"
            + (contact is null ? "" : "&email=" + Uri.EscapeDataString(contact));
        var cacheKey = new Uri(baseAddress, query).AbsoluteUri;
        var url = new Uri(baseAddress, apiKey is null ? query : query + "&api_key=" + Uri.EscapeDataString(apiKey));
        var answer = await client.SendAsync(url, cacheKey, HttpMethod.Get, cancellationToken);
        var lookup = Lookup<PubMedRecord>.From(answer, root => Read(root, pmid));
        // esummary answers 200 for an unknown id, with an "error" in the id's entry.
        return ReferenceEquals(lookup.Record, Missing)
            ? new Lookup<PubMedRecord>(null, answer with { Kind = AnswerKind.NotFound, Detail = "no such record" })
            : lookup;
    }

    /// <summary>
    /// The record for <paramref name="pmid"/> in an esummary answer; a record with an empty title
    /// when PubMed says it has no such id; null when the answer is not that shape.
    /// </summary>
    public static PubMedRecord? Read(JsonElement root, string pmid)
    {
        if (root.Get("result") is not { ValueKind: JsonValueKind.Object } result)
        {
            return null;
        }

        if (result.Get(pmid) is not { ValueKind: JsonValueKind.Object } entry || entry.Text("error") is not null || entry.Text("title") is not { } title)
        {
            return Missing;
        }

        var doi = entry.Items("articleids").Where(a => a.Text("idtype") == "doi").Select(a => a.Text("value")).FirstOrDefault(v => v is not null);
        var notices = entry.Items("references").Concat(entry.Items("commentscorrections")).ToList();
        var retracted = entry.Items("pubtype").Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "Retracted Publication")
            || notices.Any(n => string.Equals(n.Text("reftype"), "Retraction in", StringComparison.OrdinalIgnoreCase));
        var errata = notices.Where(n => string.Equals(n.Text("reftype"), "Erratum in", StringComparison.OrdinalIgnoreCase))
            .Select(n => n.Text("refsource") ?? n.Text("pmid") ?? "").ToList();
        var year = YearOf(entry.Text("pubdate"));
        var years = new[] { year, YearOf(entry.Text("epubdate")) }.OfType<int>().Distinct().ToList();
        return new PubMedRecord(title, year, years, entry.Text("source"), entry.Text("fulljournalname"), doi, retracted, errata);
    }

    private static readonly PubMedRecord Missing = new("", null, [], null, null, null, false, []);

    private static int? YearOf(string? date) =>
        date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null;
}
