namespace LdnSite.Markdown.Glossary;

using LdnSite.Data;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

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
        if (_termCount == 0)
        {
            return;
        }

        var linked = new HashSet<GlossaryTerm>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf is HeadingBlock || leaf.Inline is null)
            {
                continue;
            }

            foreach (var literal in leaf.Inline.Descendants<LiteralInline>().ToList())
            {
                if (linked.Count == _termCount)
                {
                    return;
                }

                if (!literal.FindParentOfType<LinkInline>().Any())
                {
                    LinkIn(literal, linked, hrefOf);
                }
            }
        }
    }

    private void LinkIn(LiteralInline literal, HashSet<GlossaryTerm> linked, Func<GlossaryTerm, string> hrefOf)
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
                        Split(literal, text.ToString(), start, name.Length, term, linked, hrefOf);
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
    private void Split(LiteralInline literal, string text, int start, int length, GlossaryTerm term, HashSet<GlossaryTerm> linked, Func<GlossaryTerm, string> hrefOf)
    {
        var termInline = new GlossaryInline(text.Substring(start, length), term.Definition, hrefOf(term), "tip-" + term.Anchor[5..]);
        var after = text[(start + length)..];
        literal.Content = new StringSlice(text[..start]);
        literal.InsertAfter(termInline);
        if (after.Length > 0)
        {
            var rest = new LiteralInline(after);
            termInline.InsertAfter(rest);
            LinkIn(rest, linked, hrefOf);
        }
    }
}
