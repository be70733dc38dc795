namespace LdnSite.Search;

using LdnSite.Content;

/// <summary>
/// One page's share of the search index, worked out while the page is rendered (in parallel, and
/// cached with the page): each section is a search document with three fields (title, heading,
/// text); for each term, the sections and fields it occurs in and how often; and every field's
/// length. Kept as one deflated byte array, 1 to 2 KB a page, so 10,000 pages stay small in memory.
/// </summary>
public sealed class PageTerms
{
    /// <summary>The fields, in MiniSearch's field-id order.</summary>
    public static readonly IReadOnlyList<string> Fields = ["title", "heading", "text"];

    private readonly byte[] _postings;
    private readonly int[] _lengths;

    private PageTerms(byte[] postings, int[] lengths)
    {
        _postings = postings;
        _lengths = lengths;
    }

    /// <summary>
    /// A hash of everything the index takes from this page (its terms, postings and field
    /// lengths), which keys the cached block of postings it is merged into.
    /// </summary>
    public string Fingerprint => _fingerprint ??= Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        [.. _postings, .. System.Runtime.InteropServices.MemoryMarshal.AsBytes(_lengths.AsSpan()).ToArray()]));

    private string? _fingerprint;

    /// <summary>How many search documents (sections) the page has.</summary>
    public int Sections => _lengths.Length / Fields.Count;

    /// <summary>The length of <paramref name="field"/> in section <paramref name="section"/>.</summary>
    public int Length(int section, int field) => _lengths[(section * Fields.Count) + field];

    /// <summary>
    /// The search documents of a page, as site.js defined them when it indexed pages itself: a
    /// page's title counts only in its opening section, so a broad word in a title does not lift
    /// every section of the page; glossary terms and sources (<paramref name="secondary"/>) are
    /// indexed as text only.
    /// </summary>
    public static PageTerms From(string title, IReadOnlyList<PageSection> sections, bool secondary)
    {
        var lengths = new int[sections.Count * Fields.Count];
        var counter = new TermCounter();
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            if (secondary)
            {
                lengths[(s * Fields.Count) + 0] = counter.CountField(s, 0, "");
                lengths[(s * Fields.Count) + 1] = counter.CountField(s, 1, "");
                lengths[(s * Fields.Count) + 2] = counter.CountField(s, 2, section.Heading + " " + section.Text);
            }
            else
            {
                lengths[(s * Fields.Count) + 0] = counter.CountField(s, 0, s == 0 ? title : "");
                lengths[(s * Fields.Count) + 1] = counter.CountField(s, 1, section.Heading);
                lengths[(s * Fields.Count) + 2] = counter.CountField(s, 2, section.Text);
            }
        }

        return new PageTerms(counter.Serialize(), lengths);
    }

    /// <summary>
    /// Calls <paramref name="term"/> once for every term, in ordinal order, with its postings as
    /// (section, field, count) triples in one reused buffer.
    /// </summary>
    public void ForEachTerm(Action<string, ReadOnlySpan<int>> term)
    {
        using var inflated = new MemoryStream(_postings.Length * 3);
        using (var deflate = new System.IO.Compression.DeflateStream(new MemoryStream(_postings), System.IO.Compression.CompressionMode.Decompress))
        {
            deflate.CopyTo(inflated);
        }

        inflated.Position = 0;
        using var reader = new BinaryReader(inflated);
        var buffer = new int[3 * 64];
        var termCount = reader.Read7BitEncodedInt();
        for (var t = 0; t < termCount; t++)
        {
            var text = reader.ReadString();
            var count = reader.Read7BitEncodedInt();
            if (buffer.Length < count * 3)
            {
                buffer = new int[count * 3];
            }

            for (var i = 0; i < count * 3; i++)
            {
                buffer[i] = reader.Read7BitEncodedInt();
            }

            term(text, buffer.AsSpan(0, count * 3));
        }
    }
}
