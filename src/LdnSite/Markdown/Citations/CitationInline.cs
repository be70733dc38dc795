namespace LdnSite.Markdown.Citations;

using Markdig.Syntax.Inlines;

/// <summary>
/// A Pandoc-style citation such as <c>[@smith2007; @younger2014]</c>. Numbers are filled in by
/// <see cref="CitationNumbering"/> after parsing, in reading order, so the renderer needs no
/// state of its own.
/// </summary>
public sealed class CitationInline(IReadOnlyList<string> keys) : LeafInline
{
    /// <summary>The cited keys, as written, without '@'.</summary>
    public IReadOnlyList<string> Keys { get; } = keys;

    /// <summary>For each key, its number in the page's reference list (0 when the key is unknown).</summary>
    public int[] Numbers { get; } = new int[keys.Count];

    /// <summary>
    /// For each key, which citation of its source this is (1-based); with the number it makes the
    /// id the reference list links back to (<see cref="CitedSource.OccurrenceId"/>).
    /// </summary>
    public int[] Occurrences { get; } = new int[keys.Count];

    /// <summary>
    /// Whether the space before the mark was taken off the text before it, to be written as a
    /// no-break space: "a claim [1]" never wraps the mark onto a line of its own.
    /// </summary>
    public bool NoBreakBefore { get; set; }
}
