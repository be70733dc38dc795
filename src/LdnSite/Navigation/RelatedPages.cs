namespace LdnSite.Navigation;

using LdnSite.Content;
using LdnSite.Engine.Documents;

/// <summary>A page listed as related to another: it cites many of the same sources.</summary>
/// <param name="Title">Its title.</param>
/// <param name="Destination">Its output path.</param>
public sealed record RelatedPage(string Title, string Destination);

/// <summary>
/// For each medical page, up to <see cref="Shown"/> other medical pages that cite at least
/// <see cref="MinimumShared"/> of the same sources, those sharing most first, then by title. A
/// source that more than <see cref="MostCiting"/> pages cite says little about what two of them
/// have in common, so it is not counted; that also keeps the work in step with the citations on
/// a large site, rather than with every pair of pages.
/// </summary>
public static class RelatedPages
{
    /// <summary>At most this many related pages are listed.</summary>
    public const int Shown = 3;

    /// <summary>Two pages are related when they share at least this many sources.</summary>
    public const int MinimumShared = 2;

    /// <summary>A source cited by more pages than this is not counted.</summary>
    public const int MostCiting = 50;

    /// <summary>The metadata key a page's related pages are kept under (absent when it has none).</summary>
    public static readonly MetadataKey<IReadOnlyList<RelatedPage>> Key = new("related-pages");

    /// <summary>Each page's related pages, by source path; pages with none are left out.</summary>
    /// <param name="pages">Every page with the keys of the sources it cites.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<RelatedPage>> Of(IReadOnlyList<(PageInfo Page, IReadOnlyList<string> Cited)> pages)
    {
        static bool Listed(PageInfo page) => page.Kind.Medical && !page.HideFromNav;

        var citing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            if (Listed(pages[i].Page))
            {
                foreach (var key in pages[i].Cited.Distinct(StringComparer.Ordinal))
                {
                    (citing.TryGetValue(key, out var list) ? list : citing[key] = []).Add(i);
                }
            }
        }

        var related = new Dictionary<string, IReadOnlyList<RelatedPage>>(StringComparer.Ordinal);
        var shared = new Dictionary<int, int>();
        for (var i = 0; i < pages.Count; i++)
        {
            if (!Listed(pages[i].Page))
            {
                continue;
            }

            shared.Clear();
            foreach (var key in pages[i].Cited.Distinct(StringComparer.Ordinal))
            {
                if (citing[key] is { Count: <= MostCiting } others)
                {
                    foreach (var other in others.Where(other => other != i))
                    {
                        shared[other] = shared.GetValueOrDefault(other) + 1;
                    }
                }
            }

            var best = shared.Where(s => s.Value >= MinimumShared)
                .OrderByDescending(s => s.Value)
                .ThenBy(s => pages[s.Key].Page.Title, StringComparer.Ordinal)
                .ThenBy(s => pages[s.Key].Page.Destination, StringComparer.Ordinal)
                .Take(Shown)
                .Select(s => new RelatedPage(pages[s.Key].Page.Title, pages[s.Key].Page.Destination))
                .ToList();
            if (best.Count > 0)
            {
                related[pages[i].Page.Source] = best;
            }
        }

        return related;
    }

    /// <summary>What a page's layout reads of its related pages, for its layout's cache key.</summary>
    public static string Fingerprint(IReadOnlyList<RelatedPage> related) =>
        string.Join('\n', related.Select(r => r.Destination + "|" + r.Title));
}
