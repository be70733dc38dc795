namespace LdnSite.Search;

using System.Buffers.Text;

/// <summary>
/// The postings of one block of consecutive pages (<see cref="SearchChunks.PagesPerBlock"/>), as
/// JSON text ready to be spliced into chunks. A chunk's arrays are the blocks' fragments put end to
/// end, so a rebuild after a one-page edit recomputes one block and re-splices the rest: merging
/// every page again was most of a one-page rebuild at 10,000 pages.
/// </summary>
public sealed class PostingBlock
{
    private readonly Dictionary<string, TermFragment> _terms = new(StringComparer.Ordinal);

    /// <summary>The block's terms, each with its postings in each field.</summary>
    public IReadOnlyDictionary<string, TermFragment> Terms => _terms;

    /// <summary>Merges <paramref name="pages"/>, the first of which is page number <paramref name="firstPage"/> of the index.</summary>
    public static PostingBlock Of(IReadOnlyList<SearchPage> pages, int firstPage)
    {
        var block = new PostingBlock();
        for (var p = 0; p < pages.Count; p++)
        {
            var terms = pages[p].Terms;
            var pageBase = (firstPage + p) * SearchChunks.SectionsPerPage;
            terms.ForEachTerm((term, triples) =>
            {
                if (!block._terms.TryGetValue(term, out var fragment))
                {
                    block._terms[term] = fragment = new TermFragment();
                }

                for (var i = 0; i < triples.Length; i += 3)
                {
                    fragment.Add(triples[i + 1], pageBase + triples[i], triples[i + 2], terms.Length(triples[i], triples[i + 1]));
                }
            });
        }

        return block;
    }
}

/// <summary>One term's postings in one block: for each field, the JSON text of its three arrays.</summary>
public sealed class TermFragment
{
    private readonly FieldFragment?[] _fields = new FieldFragment?[PageTerms.Fields.Count];

    /// <summary>How many postings the term has in this block, over all fields.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The most bytes this fragment adds to a chunk: its text, and for each field the first id's
    /// delta, the brackets and field number, and commas.
    /// </summary>
    public int MaxBytes => _fields.Sum(f => f is null ? 0 : f.LaterIds.Length + f.Counts.Length + f.Lengths.Length + 40);

    /// <summary>The postings in field <paramref name="field"/>, or null.</summary>
    public FieldFragment? Field(int field) => _fields[field];

    internal void Add(int field, long id, int count, int length)
    {
        (_fields[field] ??= new FieldFragment(id)).Add(id, count, length);
        Count++;
    }
}

/// <summary>
/// A field's postings in one block. Ids are delta-coded within the block; the first is kept
/// whole, so that where it follows another block its delta is taken from that block's last id.
/// </summary>
public sealed class FieldFragment(long first)
{
    private readonly MemoryStream _laterIds = new();
    private readonly MemoryStream _counts = new();
    private readonly MemoryStream _lengths = new();

    /// <summary>The first document id.</summary>
    public long First { get; } = first;

    /// <summary>The last document id.</summary>
    public long Last { get; private set; } = first;

    /// <summary>The deltas after the first id, each after a comma.</summary>
    public ReadOnlySpan<byte> LaterIds => _laterIds.GetBuffer().AsSpan(0, (int)_laterIds.Length);

    /// <summary>The counts, comma-separated.</summary>
    public ReadOnlySpan<byte> Counts => _counts.GetBuffer().AsSpan(0, (int)_counts.Length);

    /// <summary>The field lengths, comma-separated.</summary>
    public ReadOnlySpan<byte> Lengths => _lengths.GetBuffer().AsSpan(0, (int)_lengths.Length);

    internal void Add(long id, int count, int length)
    {
        if (_counts.Length > 0)
        {
            _laterIds.WriteByte((byte)',');
            WriteNumber(_laterIds, id - Last);
            _counts.WriteByte((byte)',');
            _lengths.WriteByte((byte)',');
        }

        WriteNumber(_counts, count);
        WriteNumber(_lengths, length);
        Last = id;
    }

    /// <summary>Writes <paramref name="value"/> in decimal.</summary>
    public static void WriteNumber(Stream output, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var written);
        output.Write(digits[..written]);
    }
}
