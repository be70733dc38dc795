namespace LdnSite.Search;

using LdnSite.Content;

/// <summary>
/// One page's share of the search index, worked out while the page is rendered (in parallel, and
/// cached with the page): each section is a search document with three fields (title, heading,
/// text); for each term, the sections and fields it occurs in and how often; and every field's
/// length. Kept as one byte array, compressed on a large site (1 to 2 KB a page, so 10,000 pages stay
/// small in memory), plain on a small one (see <see cref="Engine.Documents.TextPacking"/>).
/// </summary>
public sealed class PageTerms
{
    /// <summary>The metadata key a page's terms and field lengths are kept under, which the search index's chunks are built from.</summary>
    public static readonly Engine.Documents.MetadataKey<PageTerms> Key = new("search-terms");

    /// <summary>The fields, in MiniSearch's field-id order.</summary>
    public static readonly IReadOnlyList<string> Fields = ["title", "heading", "text"];

    private readonly byte[] _postings;
    private readonly bool _compressed;
    private readonly int _plainLength;
    private readonly int[] _lengths;

    private PageTerms((byte[] Packed, bool Compressed, int PlainLength) postings, int[] lengths)
    {
        (_postings, _compressed, _plainLength) = postings;
        _lengths = lengths;
    }

    /// <summary>
    /// A hash of everything the index takes from this page (its terms, postings and field
    /// lengths), which keys the cached block of postings it is merged into.
    /// </summary>
    public string Fingerprint => _fingerprint ??= Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        [_compressed ? (byte)1 : (byte)0, .. _postings, .. System.Runtime.InteropServices.MemoryMarshal.AsBytes(_lengths.AsSpan()).ToArray()]));

    private string? _fingerprint;

    /// <summary>Every section's field lengths, section by section, <see cref="Fields"/> to a section.</summary>
    public ReadOnlySpan<int> Lengths => _lengths;

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
    public static PageTerms From(string title, IReadOnlyList<PageSection> sections, bool secondary, Engine.Documents.TextPacking packing)
    {
        var lengths = new int[sections.Count * Fields.Count];
        var counter = TermCounter.ForPage();
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

        return new PageTerms(counter.Serialize(packing), lengths);
    }

    /// <summary>
    /// Calls <paramref name="visit"/> once for every term, in ordinal order, with its postings as
    /// (section, field, count) triples. The term and the triples are spans over reused buffers,
    /// valid during the call: merging 10,000 pages makes no string or array per page and term.
    /// </summary>
    public void ForEachTerm(TermVisitor visit)
    {
        // Plain postings are read where they are; compressed ones are expanded into a rented buffer.
        var expanded = _compressed ? System.Buffers.ArrayPool<byte>.Shared.Rent(_plainLength) : null;
        var plain = expanded ?? _postings;
        var triples = System.Buffers.ArrayPool<int>.Shared.Rent(3 * 64);
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(64);
        try
        {
            if (expanded is not null)
            {
                Engine.Documents.PackedBlock.Expand(_postings, expanded.AsSpan(0, _plainLength));
            }

            var at = 0;
            var termCount = ReadNumber(plain, ref at);
            for (var t = 0; t < termCount; t++)
            {
                // BinaryWriter.Write(string): the UTF-8 byte count, then the bytes.
                var bytes = ReadNumber(plain, ref at);
                if (chars.Length < bytes)
                {
                    System.Buffers.ArrayPool<char>.Shared.Return(chars);
                    chars = System.Buffers.ArrayPool<char>.Shared.Rent(bytes);
                }

                var length = System.Text.Encoding.UTF8.GetChars(plain.AsSpan(at, bytes), chars);
                at += bytes;
                var count = ReadNumber(plain, ref at);
                if (triples.Length < count * 3)
                {
                    System.Buffers.ArrayPool<int>.Shared.Return(triples);
                    triples = System.Buffers.ArrayPool<int>.Shared.Rent(count * 3);
                }

                for (var i = 0; i < count * 3; i++)
                {
                    triples[i] = ReadNumber(plain, ref at);
                }

                visit(chars.AsSpan(0, length), triples.AsSpan(0, count * 3));
            }
        }
        finally
        {
            if (expanded is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(expanded);
            }
            System.Buffers.ArrayPool<int>.Shared.Return(triples);
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    // BinaryWriter.Write7BitEncodedInt's format: seven bits a byte, low first, high bit set on all but the last.
    private static int ReadNumber(byte[] data, ref int at)
    {
        var value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = data[at++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return value;
    }
}

/// <summary>What <see cref="PageTerms.ForEachTerm"/> calls for each term.</summary>
/// <param name="term">The term, valid during the call.</param>
/// <param name="triples">Its (section, field, count) postings, valid during the call.</param>
public delegate void TermVisitor(ReadOnlySpan<char> term, ReadOnlySpan<int> triples);
