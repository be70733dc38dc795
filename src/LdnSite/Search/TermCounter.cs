namespace LdnSite.Search;

/// <summary>
/// Counts one page's terms field by field, for <see cref="PageTerms"/>. Every page repeats a few
/// hundred words thousands of times, so each distinct token is looked up once: it gets a number
/// on first sight, and from then on its term and whether it was already seen in this field are
/// array reads. Postings are appended to one flat list in (section, field) order and grouped by
/// term only when written, so no per-term list is grown.
/// </summary>
internal sealed class TermCounter
{
    private readonly Dictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly List<string> _termNames = [];

    // Per token number: its term number (-1: stop word or empty) and the field it was last seen in.
    private int[] _termOfToken = new int[256];
    private int[] _tokenSeenIn = new int[256];

    // Per term number: its count in the current field, and the field it was last counted in.
    private int[] _termCount = new int[256];
    private int[] _termSeenIn = new int[256];

    private readonly List<int> _fieldTerms = [];
    // Sized for a long page at the start: grown from empty it was copied about ten times a page.
    private readonly List<Posting> _postings = new(4096);
    private readonly MemoryStream _plain = new(64 * 1024);

    // Only ever increases, also from page to page: a "seen in field" mark left by an earlier page
    // can never equal a later field's number, so the per-token and per-term arrays need no clearing.
    private int _field;

    [ThreadStatic]
    private static TermCounter? t_counter;

    private TermCounter()
    {
    }

    /// <summary>
    /// This thread's counter, emptied for a new page. Its tables, lists and buffers keep their
    /// size from page to page: a new counter per page allocated about 75 KB of postings and
    /// tables each time (0.7 GB at 10,000 pages).
    /// </summary>
    public static TermCounter ForPage()
    {
        var counter = t_counter ??= new TermCounter();
        counter._tokens.Clear();
        counter._terms.Clear();
        counter._termNames.Clear();
        counter._postings.Clear();
        // One huge page should not pin a huge buffer for the rest of the build.
        counter._plain.SetLength(0);
        if (counter._plain.Capacity > 4 * 1024 * 1024)
        {
            counter._plain.Capacity = 64 * 1024;
        }

        return counter;
    }

    /// <summary>
    /// Counts the terms of <paramref name="text"/> as field <paramref name="field"/> of section
    /// <paramref name="section"/>; returns the field's length (distinct raw tokens, as MiniSearch counts it).
    /// </summary>
    public int CountField(int section, int field, string text)
    {
        _field++;
        _fieldTerms.Clear();
        var tokens = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        var named = SearchText.AsName(text);
        var distinct = 0;
        foreach (var range in SearchText.TokenRanges(named))
        {
            var token = named.AsSpan(range);
            if (!tokens.TryGetValue(token, out var tokenId))
            {
                tokenId = _tokens.Count;
                tokens[token] = tokenId;
                Grow(ref _termOfToken, tokenId);
                Grow(ref _tokenSeenIn, tokenId);
                _termOfToken[tokenId] = TermNumber(token);
            }

            if (_tokenSeenIn[tokenId] != _field)
            {
                _tokenSeenIn[tokenId] = _field;
                distinct++;
            }

            var term = _termOfToken[tokenId];
            if (term < 0)
            {
                continue;
            }

            if (_termSeenIn[term] != _field)
            {
                _termSeenIn[term] = _field;
                _termCount[term] = 0;
                _fieldTerms.Add(term);
            }

            _termCount[term]++;
        }

        foreach (var term in _fieldTerms)
        {
            _postings.Add(new Posting(term, section, field, _termCount[term]));
        }

        return distinct;
    }

    /// <summary>
    /// The page's terms in ordinal order, each with its (section, field, count) postings in page
    /// order, as 7-bit integers and length-prefixed strings, compressed in one pass when
    /// <paramref name="packing"/> says so; with the length before compressing, so reading it back
    /// needs no growing buffer.
    /// </summary>
    public (byte[] Packed, bool Compressed, int PlainLength) Serialize(Engine.Documents.TextPacking packing)
    {
        // Grouped by term, keeping page order within a term.
        var grouped = System.Buffers.ArrayPool<Posting>.Shared.Rent(Math.Max(1, _postings.Count));
        try
        {
            return Serialize(grouped, packing);
        }
        finally
        {
            System.Buffers.ArrayPool<Posting>.Shared.Return(grouped);
        }
    }

    private (byte[] Packed, bool Compressed, int PlainLength) Serialize(Posting[] grouped, Engine.Documents.TextPacking packing)
    {
        var starts = StableGrouping.Group<Posting, Posting.ByTerm>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_postings), _termNames.Count, grouped);

        var order = Enumerable.Range(0, _termNames.Count).Where(t => starts[t + 1] > starts[t]).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(_termNames[a], _termNames[b]));

        var plain = _plain;
        plain.SetLength(0);
        using (var writer = new BinaryWriter(plain, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(order.Length);
            foreach (var t in order)
            {
                writer.Write(_termNames[t]);
                writer.Write7BitEncodedInt(starts[t + 1] - starts[t]);
                for (var i = starts[t]; i < starts[t + 1]; i++)
                {
                    writer.Write7BitEncodedInt(grouped[i].Section);
                    writer.Write7BitEncodedInt(grouped[i].Field);
                    writer.Write7BitEncodedInt(grouped[i].Count);
                }
            }
        }

        if (packing == Engine.Documents.TextPacking.Plain)
        {
            return (plain.ToArray(), false, (int)plain.Length);
        }

        return (Engine.Documents.PackedBlock.Compress(plain.GetBuffer().AsSpan(0, (int)plain.Length)), true, (int)plain.Length);
    }

    private int TermNumber(ReadOnlySpan<char> token)
    {
        var term = SearchText.Term(token, stackalloc char[128]);
        if (term.IsEmpty)
        {
            return -1;
        }

        var terms = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!terms.TryGetValue(term, out var termId))
        {
            termId = _termNames.Count;
            var name = term.ToString();
            _terms[name] = termId;
            _termNames.Add(name);
            Grow(ref _termCount, termId);
            Grow(ref _termSeenIn, termId);
        }

        return termId;
    }

    private static void Grow(ref int[] array, int index)
    {
        if (index >= array.Length)
        {
            Array.Resize(ref array, Math.Max(index + 1, array.Length * 2));
        }
    }

    /// <summary>One posting of the page: a term number, where it occurs, and how often.</summary>
    private readonly record struct Posting(int Term, int Section, int Field, int Count)
    {
        /// <summary>Groups postings by term.</summary>
        internal readonly struct ByTerm : IGroupOf<Posting>
        {
            public static int Of(in Posting posting) => posting.Term;
        }
    }
}
