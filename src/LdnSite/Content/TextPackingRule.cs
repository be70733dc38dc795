namespace LdnSite.Content;

using LdnSite.Engine.Documents;

/// <summary>Which packing a site of a given size uses.</summary>
public static class TextPackingRule
{
    /// <summary>
    /// Sites with more pages than this keep their text compressed. On a small site the plain text
    /// fits easily and packing it costs processor time for nothing; on a large one it would not
    /// fit in the 400 MB the build is held to.
    /// </summary>
    public const int CompressAbovePages = 2_000;

    /// <summary>The packing for a site of <paramref name="pages"/> pages.</summary>
    public static TextPacking ForSiteOf(int pages) => pages > CompressAbovePages ? TextPacking.Compressed : TextPacking.Plain;
}
