namespace LdnSite.Search;

using System.Buffers;
using System.Buffers.Text;

/// <summary>
/// The postings of one block of consecutive pages (<see cref="SearchChunks.PagesPerBlock"/>), as
/// JSON text ready to be spliced into chunks. A chunk's arrays are the blocks' fragments put end to
/// end, so a rebuild after a one-page edit recomputes one block and re-splices the rest: merging
/// every page again was most of a one-page rebuild at 10,000 pages.
/// </summary>
public sealed class PostingBlock
{
    private readonly Dictionary<string, TermFragment> _terms;

    // The pages' terms this block was merged from, and where it starts, so the next build's block
    // for the same place can be made from this one (see Of).
    private readonly PageTerms[] _pages;
    private readonly int _firstPage;

    private PostingBlock(Dictionary<string, TermFragment> terms, PageTerms[] pages, int firstPage) =>
        (_terms, _pages, _firstPage) = (terms, pages, firstPage);

    /// <summary>The block's terms, each with its postings in each field.</summary>
    public IReadOnlyDictionary<string, TermFragment> Terms => _terms;

    /// <summary>Merges <paramref name="pages"/>, the first of which is page number <paramref name="firstPage"/> of the index.</summary>
    public static PostingBlock Of(IReadOnlyList<SearchPage> pages, int firstPage) => Of(pages, firstPage, previous: null);

    /// <summary>
    /// Merges <paramref name="pages"/> as <see cref="Of(IReadOnlyList{SearchPage}, int)"/> does,
    /// reusing <paramref name="previous"/> (the last build's block at the same place) when only a
    /// few of its pages have other terms: then only the terms those pages have, before or after
    /// the edit, are merged again (every page is still read, for those terms' postings). Every
    /// other term has the very postings it had (same pages, same ids), so it keeps its fragment
    /// object, and the chunks that hold none of the edited terms keep their names without being
    /// hashed (<see cref="ChunkNames"/>). A one-page edit at 10,000 pages merged every term of all
    /// 256 pages of its block on the rebuild's critical path.
    /// </summary>
    public static PostingBlock Of(IReadOnlyList<SearchPage> pages, int firstPage, PostingBlock? previous)
    {
        var terms = new PageTerms[pages.Count];
        for (var p = 0; p < terms.Length; p++)
        {
            terms[p] = pages[p].Terms;
        }

        var edited = previous is not null ? Edited(previous, terms, firstPage) : null;
        if (edited is { Count: 0 })
        {
            return previous!;
        }

        HashSet<string>? only = null;
        if (edited is not null)
        {
            only = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in edited)
            {
                previous!._pages[p].ForEachTerm((term, _) => only.Add(term.ToString()));
                terms[p].ForEachTerm((term, _) => only.Add(term.ToString()));
            }
        }

        // First every posting as numbers (the block's term number, field, id, count, length), in
        // page order; then each term's postings in each field become text, written once at their
        // final size: fragments grown posting by posting doubled the memory of the whole index.
        // Pooled: a block holds hundreds of thousands of postings, and blocks are merged one after another.
        var scratch = new Scratch();
        try
        {
            var merged = Merge(terms, firstPage, scratch, only);
            if (only is not null)
            {
                var patched = new Dictionary<string, TermFragment>(previous!._terms, StringComparer.Ordinal);
                foreach (var term in only)
                {
                    patched.Remove(term);
                }

                foreach (var (term, fragment) in merged)
                {
                    patched[term] = fragment;
                }

                merged = patched;
            }

            return new PostingBlock(merged, terms, firstPage);
        }
        finally
        {
            ArrayPool<Posting>.Shared.Return(scratch.Postings);
            if (scratch.Grouped is not null)
            {
                ArrayPool<Posting>.Shared.Return(scratch.Grouped);
            }
        }
    }

    // The pages whose terms differ from when previous was merged (none: previous is this block),
    // if previous is the same place in the index with the same number of pages and only a few
    // differ; else null (a whole merge). Few: every term of an edited page is merged again with
    // all its postings, and a page's words are mostly the block's common words. Terms that are
    // another object but hash alike are the same terms: the glossary and sources pages' are made
    // afresh in every build.
    private static List<int>? Edited(PostingBlock previous, PageTerms[] terms, int firstPage)
    {
        if (previous._firstPage != firstPage || previous._pages.Length != terms.Length)
        {
            return null;
        }

        var edited = new List<int>();
        for (var p = 0; p < terms.Length; p++)
        {
            if (!ReferenceEquals(previous._pages[p], terms[p]) && previous._pages[p].Fingerprint != terms[p].Fingerprint)
            {
                if (edited.Count == MaxEdited)
                {
                    return null;
                }

                edited.Add(p);
            }
        }

        return edited;
    }

    private const int MaxEdited = 4;

    // Merges every term of the pages, or only the terms in only.
    private static Dictionary<string, TermFragment> Merge(PageTerms[] pages, int firstPage, Scratch scratch, HashSet<string>? only)
    {
        var wanted = only?.GetAlternateLookup<ReadOnlySpan<char>>();
        var names = new List<string>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        var total = 0;
        for (var p = 0; p < pages.Length; p++)
        {
            var terms = pages[p];
            var pageBase = (firstPage + p) * SearchChunks.SectionsPerPage;
            terms.ForEachTerm((term, triples) =>
            {
                if (wanted is { } w && !w.Contains(term))
                {
                    return;
                }

                if (!lookup.TryGetValue(term, out var number))
                {
                    number = names.Count;
                    var name = term.ToString();
                    numbers[name] = number;
                    names.Add(name);
                }

                for (var i = 0; i < triples.Length; i += 3)
                {
                    var (section, field, count) = (triples[i], triples[i + 1], triples[i + 2]);
                    if (total == scratch.Postings.Length)
                    {
                        var larger = ArrayPool<Posting>.Shared.Rent(total * 2);
                        scratch.Postings.AsSpan(0, total).CopyTo(larger);
                        ArrayPool<Posting>.Shared.Return(scratch.Postings);
                        scratch.Postings = larger;
                    }

                    scratch.Postings[total++] = new Posting(number, field, pageBase + section, count, terms.Length(section, field));
                }
            });
        }

        var postings = scratch.Postings;

        // Grouped by (term, field), keeping page order, so ids stay in increasing order.
        var fields = PageTerms.Fields.Count;
        var grouped = scratch.Grouped = ArrayPool<Posting>.Shared.Rent(Math.Max(1, total));
        var starts = StableGrouping.Group<Posting, Posting.ByTermAndField>(postings.AsSpan(0, total), names.Count * fields, grouped);

        var result = new Dictionary<string, TermFragment>(names.Count, StringComparer.Ordinal);
        var text = t_text ??= new ArrayBufferWriter<byte>(64 * 1024);
        for (var t = 0; t < names.Count; t++)
        {
            var fragment = new TermFragment();
            for (var f = 0; f < fields; f++)
            {
                var group = grouped.AsSpan(starts[(t * fields) + f], starts[(t * fields) + f + 1] - starts[(t * fields) + f]);
                if (!group.IsEmpty)
                {
                    fragment.Set(f, FieldFragment.Of(group, text));
                }
            }

            fragment.Seal();
            result[names[t]] = fragment;
        }

        return result;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_text;

    /// <summary>The pooled arrays of one merge, returned when it ends (also when it fails).</summary>
    private sealed class Scratch
    {
        public Posting[] Postings { get; set; } = ArrayPool<Posting>.Shared.Rent(64 * 1024);

        public Posting[]? Grouped { get; set; }
    }

    /// <summary>One posting while a block is merged.</summary>
    internal readonly record struct Posting(int Term, int Field, long Id, int Count, int Length)
    {
        /// <summary>Groups postings by term, then field.</summary>
        internal readonly struct ByTermAndField : IGroupOf<Posting>
        {
            public static int Of(in Posting posting) => (posting.Term * PageTerms.Fields.Count) + posting.Field;
        }
    }
}

/// <summary>One term's postings in one block: for each field, the JSON text of its three arrays.</summary>
public sealed class TermFragment
{
    private readonly FieldFragment?[] _fields = new FieldFragment?[PageTerms.Fields.Count];

    /// <summary>How many postings the term has in this block, over all fields.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// A hash of everything this fragment puts into a chunk (which fields, their first and last
    /// ids and their text), made once when the block is merged. A chunk is named by its terms and
    /// its fragments' hashes, so a rebuild names every chunk without reading the bytes of any,
    /// and writes only the chunks whose names changed.
    /// </summary>
    public UInt128 Hash { get; private set; }

    /// <summary>The postings in field <paramref name="field"/>, or null.</summary>
    public FieldFragment? Field(int field) => _fields[field];

    internal void Set(int field, FieldFragment fragment)
    {
        _fields[field] = fragment;
        Count += fragment.Count;
    }

    // Called once, after the last Set and before the block is shared.
    internal void Seal()
    {
        Span<byte> parts = stackalloc byte[PageTerms.Fields.Count * 16];
        for (var f = 0; f < _fields.Length; f++)
        {
            // An absent field hashes as zero: a present one's hash is never zero in practice.
            System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(parts[(f * 16)..], _fields[f]?.Hash ?? UInt128.Zero);
        }

        Hash = FieldFragment.HashOf(parts);
    }
}

/// <summary>
/// A field's postings in one block, in one array: the id deltas after the first (each after a
/// comma), the counts and the field lengths (comma-separated). The first id is kept whole, so that
/// where it follows another block its delta is taken from that block's last id.
/// </summary>
public sealed class FieldFragment
{
    private readonly byte[] _text;
    private readonly int _idsEnd;
    private readonly int _countsEnd;

    private FieldFragment(long first, long last, int count, byte[] text, int idsEnd, int countsEnd)
    {
        (First, Last, Count, _text, _idsEnd, _countsEnd) = (first, last, count, text, idsEnd, countsEnd);
        Hash = HashOf(first, last, count, idsEnd, countsEnd, text);
    }

    // The split points are hashed too: the same bytes cut differently are other arrays. One
    // SHA-256 of the numbers and the text, written into this thread's buffer: a merged block
    // makes thousands of fragments, and a hash object per fragment was a visible part of a merge.
    private static UInt128 HashOf(long first, long last, int count, int idsEnd, int countsEnd, byte[] text)
    {
        const int Head = (8 * 2) + (4 * 3);
        var buffer = t_hashInput is { } reused && reused.Length >= Head + text.Length ? reused : t_hashInput = new byte[Math.Max(4096, Head + text.Length)];
        var span = buffer.AsSpan(0, Head + text.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(span, first);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(span[8..], last);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span[16..], count);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span[20..], idsEnd);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span[24..], countsEnd);
        text.CopyTo(span[Head..]);
        return HashOf(span);
    }

    [ThreadStatic]
    private static byte[]? t_hashInput;

    /// <summary>The first 128 bits of the SHA-256 of <paramref name="bytes"/>.</summary>
    internal static UInt128 HashOf(ReadOnlySpan<byte> bytes)
    {
        Span<byte> full = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(bytes, full);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(full);
    }


    /// <summary>A hash of the first and last ids and the text (which holds the other ids, the counts and the lengths).</summary>
    public UInt128 Hash { get; }

    /// <summary>The first document id.</summary>
    public long First { get; }

    /// <summary>The last document id.</summary>
    public long Last { get; }

    /// <summary>How many postings.</summary>
    public int Count { get; }

    /// <summary>The deltas after the first id, each after a comma.</summary>
    public ReadOnlySpan<byte> LaterIds => _text.AsSpan(0, _idsEnd);

    /// <summary>The counts, comma-separated.</summary>
    public ReadOnlySpan<byte> Counts => _text.AsSpan(_idsEnd, _countsEnd - _idsEnd);

    /// <summary>The field lengths, comma-separated.</summary>
    public ReadOnlySpan<byte> Lengths => _text.AsSpan(_countsEnd);

    internal static FieldFragment Of(ReadOnlySpan<PostingBlock.Posting> postings, ArrayBufferWriter<byte> scratch)
    {
        scratch.ResetWrittenCount();
        for (var i = 1; i < postings.Length; i++)
        {
            scratch.Write(","u8);
            WriteNumber(scratch, postings[i].Id - postings[i - 1].Id);
        }

        var idsEnd = scratch.WrittenCount;
        for (var i = 0; i < postings.Length; i++)
        {
            if (i > 0)
            {
                scratch.Write(","u8);
            }

            WriteNumber(scratch, postings[i].Count);
        }

        var countsEnd = scratch.WrittenCount;
        for (var i = 0; i < postings.Length; i++)
        {
            if (i > 0)
            {
                scratch.Write(","u8);
            }

            WriteNumber(scratch, postings[i].Length);
        }

        return new FieldFragment(postings[0].Id, postings[^1].Id, postings.Length, scratch.WrittenSpan.ToArray(), idsEnd, countsEnd);
    }

    /// <summary>Writes <paramref name="value"/> in decimal.</summary>
    public static void WriteNumber(IBufferWriter<byte> output, long value)
    {
        var digits = output.GetSpan(20);
        Utf8Formatter.TryFormat(value, digits, out var written);
        output.Advance(written);
    }
}
