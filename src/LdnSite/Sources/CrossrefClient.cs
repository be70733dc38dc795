namespace LdnSite.Sources;

using System.Text.Json;

/// <summary>What Crossref says a DOI is (<c>/works/{doi}</c>, the <c>message</c> object).</summary>
/// <param name="Title">The title.</param>
/// <param name="Subtitle">The subtitle, when Crossref keeps one apart from the title.</param>
/// <param name="FirstAuthor">The first author's family name (or an organisation's name).</param>
/// <param name="Year">The year Crossref calls "issued" (the earliest of print and online).</param>
/// <param name="Years">Every publication year Crossref lists (issued, print, online), for comparing.</param>
/// <param name="Journal">The journal's full name.</param>
/// <param name="ShortJournal">The journal's abbreviation, when Crossref has one.</param>
/// <param name="Volume">Volume.</param>
/// <param name="Page">Page range or article number.</param>
/// <param name="Retracted">Whether Crossref records a retraction notice for it.</param>
public sealed record CrossrefWork(string Title, string? Subtitle, string? FirstAuthor, int? Year, IReadOnlyList<int> Years, string? Journal, string? ShortJournal, string? Volume, string? Page, bool Retracted)
{
    /// <summary>Whether <paramref name="title"/> is this work's title, with or without its subtitle.</summary>
    public bool HasTitle(string title) =>
        TextMatch.SameTitle(title, Title) || (Subtitle is not null && TextMatch.SameTitle(title, Title.TrimEnd() + ": " + Subtitle));

    /// <summary>The journal as a reader knows it: the abbreviation when there is one.</summary>
    public string? JournalShown => ShortJournal ?? Journal;
}

/// <summary>The Crossref REST API, in its polite pool (a mailto in the User-Agent and the query).</summary>
public sealed class CrossrefClient(PoliteClient client, Uri baseAddress, string? contact)
{
    /// <summary>The public API.</summary>
    public static readonly Uri DefaultBase = new("https://api.crossref.org/");

    /// <summary>Looks up a DOI.</summary>
    public async Task<Lookup<CrossrefWork>> WorkAsync(string doi, CancellationToken cancellationToken)
    {
        // A DOI's '/' stays a path separator (Crossref's documented form); everything else is escaped.
        var path = "works/" + Uri.EscapeDataString(doi).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var query = contact is null ? "" : "?mailto=" + Uri.EscapeDataString(contact);
        var url = new Uri(baseAddress, path + query);
        var answer = await client.SendAsync(url, url.AbsoluteUri, HttpMethod.Get, cancellationToken);
        return Lookup<CrossrefWork>.From(answer, Read);
    }

    /// <summary>The work in a <c>/works/{doi}</c> answer, or null when it is not that shape.</summary>
    public static CrossrefWork? Read(JsonElement root)
    {
        if (root.Get("message") is not { ValueKind: JsonValueKind.Object } message || message.FirstText("title") is not { } title)
        {
            return null;
        }

        var firstAuthor = message.Items("author")
            .Select(a => (Family: a.Text("family") ?? a.Text("name"), First: a.Text("sequence") == "first"))
            .OrderByDescending(a => a.First).Select(a => a.Family).FirstOrDefault(f => f is not null);
        var issued = YearOf(message, "issued");
        var years = new[] { issued, YearOf(message, "published-print"), YearOf(message, "published-online"), YearOf(message, "published") }
            .OfType<int>().Distinct().ToList();
        // "updated-by" lists the notices about this work ("update-to" is on the notice itself).
        var retracted = message.Items("updated-by").Any(u => string.Equals(u.Text("type"), "retraction", StringComparison.OrdinalIgnoreCase));
        return new CrossrefWork(title, message.FirstText("subtitle") is { Length: > 0 } subtitle ? subtitle : null, firstAuthor, issued, years, message.FirstText("container-title"), message.FirstText("short-container-title"),
            message.Text("volume"), message.Text("page"), retracted);
    }

    private static int? YearOf(JsonElement message, string name) =>
        message.Get(name) is { } date && date.Items("date-parts").FirstOrDefault() is { ValueKind: JsonValueKind.Array } parts
            && parts.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Number } year && year.TryGetInt32(out var value)
            ? value
            : null;
}
