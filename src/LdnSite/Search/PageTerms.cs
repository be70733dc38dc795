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
        var terms = new Dictionary<string, List<(int Section, int Field, int Count)>>(StringComparer.Ordinal);
        var termLookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var distinctLookup = distinct.GetAlternateLookup<ReadOnlySpan<char>>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var countLookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[128];
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            string[] fields = secondary
                ? ["", "", section.Heading + " " + section.Text]
                : [s == 0 ? title : "", section.Heading, section.Text];
            for (var f = 0; f < fields.Length; f++)
            {
                var text = SearchText.AsName(fields[f]);
                distinct.Clear();
                counts.Clear();
                foreach (var range in SearchText.TokenRanges(text))
                {
                    var token = text.AsSpan(range);
                    distinctLookup.Add(token);
                    var term = SearchText.Term(token, lower);
                    if (!term.IsEmpty)
                    {
                        countLookup[term] = countLookup.TryGetValue(term, out var count) ? count + 1 : 1;
                    }
                }

                lengths[(s * Fields.Count) + f] = distinct.Count;
                foreach (var (term, count) in counts)
                {
                    if (!termLookup.TryGetValue(term, out var list))
                    {
                        terms[term] = list = [];
                    }

                    list.Add((s, f, count));
                }
            }
        }

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(new System.IO.Compression.DeflateStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)))
        {
            writer.Write7BitEncodedInt(terms.Count);
            foreach (var (term, list) in terms.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                writer.Write(term);
                writer.Write7BitEncodedInt(list.Count);
                foreach (var (section, field, count) in list)
                {
                    writer.Write7BitEncodedInt(section);
                    writer.Write7BitEncodedInt(field);
                    writer.Write7BitEncodedInt(count);
                }
            }
        }

        return new PageTerms(buffer.ToArray(), lengths);
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
