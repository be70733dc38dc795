namespace LdnSite.Markdown.Glossary;

using LdnSite.Data;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using LdnSite.Markdown.Structure;

/// <summary>
/// Links the first use of each glossary term on a page, working on the syntax tree's text runs
/// (never inside headings, links or code). Built once per build: names are indexed by their first
/// word, so each word of the text costs one dictionary lookup (no regex over the page), and a page
/// stops being scanned once every term is linked. Longer names win: "low dose naltrexone" is
/// matched before "naltrexone".
/// </summary>
public sealed class GlossaryLinker
{
    private readonly Dictionary<string, List<(string Name, GlossaryTerm Term)>>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;
    private readonly int _termCount;

    /// <summary>Prepares the index for <paramref name="glossary"/>.</summary>
    public GlossaryLinker(IReadOnlyList<GlossaryTerm> glossary)
    {
        var byFirstWord = new Dictionary<string, List<(string Name, GlossaryTerm Term)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in glossary)
        {
            foreach (var name in term.Aliases.Prepend(term.Term))
            {
                var first = name.Split(' ', '-')[0];
                if (!byFirstWord.TryGetValue(first, out var names))
                {
                    byFirstWord[first] = names = [];
                }

                names.Add((name, term));
            }
        }

        foreach (var names in byFirstWord.Values)
        {
            names.Sort((a, b) => b.Name.Length.CompareTo(a.Name.Length));
        }

        _byFirstWord = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _termCount = glossary.Count;
    }

    /// <summary>Replaces the first use of each term with a <see cref="GlossaryInline"/>; <paramref name="hrefOf"/> gives the link to an entry.</summary>
    public void Link(MarkdownDocument document, Func<GlossaryTerm, string> hrefOf)
    {
        var page = ForPage(hrefOf);
        new PageWalk([page]).Run(document);
    }

    /// <summary>A linker for one page, fed its inlines in reading order by the page's walk (<see cref="PageWalk"/>).</summary>
    public PageGlossary ForPage(Func<GlossaryTerm, string> hrefOf) => new(this, hrefOf);

    /// <summary>The terms one page has linked so far.</summary>
    public sealed class PageGlossary(GlossaryLinker linker, Func<GlossaryTerm, string> hrefOf) : IInlineVisitor
    {
        private readonly HashSet<GlossaryTerm> _linked = [];

        /// <summary>Links the first unlinked term in a text run (never in headings or links); text after it is visited next.</summary>
        public void Visit(Inline inline, LeafBlock leaf, bool inLink)
        {
            if (inline is LiteralInline literal and not Citations.MalformedCitationInline && !inLink && leaf is not HeadingBlock && _linked.Count < linker._termCount)
            {
                linker.LinkFirst(literal, _linked, hrefOf);
            }
        }
    }

    private void LinkFirst(LiteralInline literal, HashSet<GlossaryTerm> linked, Func<GlossaryTerm, string> hrefOf)
    {
        var text = literal.Content.AsSpan();
        for (var start = 0; start < text.Length;)
        {
            if (!char.IsLetter(text[start]) || (start > 0 && char.IsLetterOrDigit(text[start - 1])))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            if (_byFirstWord.TryGetValue(text[start..end], out var names))
            {
                foreach (var (name, term) in names)
                {
                    if (!StartsWithWord(text[start..], name))
                    {
                        continue;
                    }

                    // The longest name at this place wins even when its term is already linked, so
                    // "naltrexone" inside "low dose naltrexone" is not linked on its own.
                    if (linked.Add(term))
                    {
                        Split(literal, text.ToString(), start, name.Length, term, hrefOf);
                        return;
                    }

                    end = start + name.Length;
                    break;
                }
            }

            start = end;
        }
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, string name) =>
        text.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (text.Length == name.Length || !char.IsLetterOrDigit(text[name.Length]));

    // The literal keeps the text before the term; the term and the rest of the text follow it.
    private static void Split(LiteralInline literal, string text, int start, int length, GlossaryTerm term, Func<GlossaryTerm, string> hrefOf)
    {
        var termInline = new GlossaryInline(text.Substring(start, length), term.Definition, hrefOf(term), "tip-" + term.Anchor[5..]);
        var after = text[(start + length)..];
        literal.Content = new StringSlice(text[..start]);
        literal.InsertAfter(termInline);
        if (after.Length > 0)
        {
            // The walker visits the rest next, so further terms in it are linked too.
            termInline.InsertAfter(new LiteralInline(after));
        }
    }
}
