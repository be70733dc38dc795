namespace LdnSite.Sources;

using AngleSharp.Html.Parser;

/// <summary>Where an outbound link is written: a built page (with line and column) or a reference's url field.</summary>
/// <param name="Path">The file, as a diagnostic names it.</param>
/// <param name="Line">Line.</param>
/// <param name="Column">Column.</param>
/// <param name="Label">A reference's key for a url field; null for a page.</param>
public sealed record LinkPlace(string Path, int Line, int Column, string? Label = null);

/// <summary>
/// The outbound links to check: every http(s) link on the built pages (read with AngleSharp, as
/// Statiq validates links against the real output) and every reference's url field, each once,
/// with every place it is written. Links that are a reference's DOI or PubMed address are left
/// to the identifier checks, which ask the registries instead of the publishers' web sites
/// (which often turn programs away).
/// </summary>
public static class SiteLinks
{
    /// <summary>Links by address (without its fragment), each with where it is written, in a stable order.</summary>
    public static IReadOnlyDictionary<string, List<LinkPlace>> Collect(string siteFolder, IEnumerable<ReferenceEntry> entries)
    {
        var links = new SortedDictionary<string, List<LinkPlace>>(StringComparer.Ordinal);
        var entryList = entries.ToList();
        var covered = entryList.SelectMany(e => new[] { e.Reference.Doi.Length > 0 ? e.Reference.DoiUrl : null, e.Reference.PubMedUrl })
            .OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

        void Add(string address, LinkPlace place)
        {
            if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
            {
                return;
            }

            var key = uri.GetLeftPart(UriPartial.Query);
            if (covered.Contains(key))
            {
                return;
            }

            (links.TryGetValue(key, out var places) ? places : links[key] = []).Add(place);
        }

        foreach (var entry in entryList.Where(e => e.Reference.Url is not null))
        {
            var mark = entry.At("url");
            Add(entry.Reference.Url!, new LinkPlace(ReferenceEntries.File, mark.Line, mark.Column, entry.Reference.Key));
        }

        if (Directory.Exists(siteFolder))
        {
            var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
            foreach (var file in Directory.EnumerateFiles(siteFolder, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                using var document = parser.ParseDocument(File.ReadAllText(file));
                foreach (var anchor in document.QuerySelectorAll("a[href]"))
                {
                    var position = anchor.SourceReference?.Position;
                    Add(anchor.GetAttribute("href")!, new LinkPlace(file, position?.Line ?? 0, position?.Column ?? 0));
                }
            }
        }

        return links;
    }
}
