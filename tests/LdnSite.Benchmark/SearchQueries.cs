namespace LdnSite.Benchmark;

using System.Globalization;

/// <summary>
/// What the search benchmark types. Words come from <see cref="CorpusGenerator"/>'s vocabulary,
/// so every query can match at every page count.
/// </summary>
public static class SearchQueries
{
    /// <summary>
    /// First queries, each typed into a fresh page: a common word, two words, a long word, a typo
    /// ("dreem", found only through fuzzy matching) and a rare title.
    /// </summary>
    public static IReadOnlyList<string> First(int pages) => ["sleep", "cytokine receptor", "naltrexone", "dreem", RareTitle(pages)];

    /// <summary>
    /// Queries timed once their search files are loaded; typed prefix by prefix, as a reader's
    /// keystrokes arrive. Includes typos ("inflamation", "qualty") and a word of no page ("insomnia").
    /// </summary>
    public static IReadOnlyList<string> Typed { get; } =
    [
        "cytokine", "inflamation", "insomnia", "dose titration", "immune balance", "placebo trial", "endorphin",
        "receptor", "qualty", "sleep dream", "safety", "mechanism pathway", "cohort", "regulation",
    ];

    /// <summary>
    /// "Topic 4321" at 10,000 pages, "Topic 432" at 1,000: a number found in one page title
    /// (and a few by prefix), scaled so that the page exists at any count.
    /// </summary>
    private static string RareTitle(int pages) => "Topic " + (pages * 4321L / 10_000).ToString(CultureInfo.InvariantCulture);
}
