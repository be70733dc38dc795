namespace LdnSite.Markdown.Glossary;

using System.Text.RegularExpressions;
using LdnSite.Data;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Links the first use of each glossary term on a page, working on the syntax tree's text runs
/// (never inside headings, links or code). The matcher is built once per build from the
/// glossary; longer names win, so "low dose naltrexone" is matched before "naltrexone".
/// </summary>
public sealed class GlossaryLinker
{
    private readonly Regex? _matcher;
    private readonly Dictionary<string, GlossaryTerm> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Prepares the matcher for <paramref name="glossary"/>.</summary>
    public GlossaryLinker(IReadOnlyList<GlossaryTerm> glossary)
    {
        foreach (var term in glossary)
        {
            foreach (var name in term.Aliases.Prepend(term.Term))
            {
                _byName.TryAdd(name, term);
            }
        }

        if (_byName.Count > 0)
        {
            var alternatives = _byName.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).Select(Regex.Escape);
            _matcher = new Regex(@"\b(?:" + string.Join('|', alternatives) + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
    }

    /// <summary>Replaces the first use of each term with a <see cref="GlossaryInline"/>; <paramref name="hrefOf"/> gives the link to an entry.</summary>
    public void Link(MarkdownDocument document, Func<GlossaryTerm, string> hrefOf)
    {
        if (_matcher is null)
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
                if (literal.Parent is LinkInline || literal.FindParentOfType<LinkInline>().Any())
                {
                    continue;
                }

                LinkIn(literal, linked, hrefOf);
            }
        }
    }

    private void LinkIn(LiteralInline literal, HashSet<GlossaryTerm> linked, Func<GlossaryTerm, string> hrefOf)
    {
        var text = literal.Content.ToString();
        foreach (Match match in _matcher!.Matches(text))
        {
            var term = _byName[match.Value];
            if (!linked.Add(term))
            {
                continue;
            }

            // Split the run: text before stays in this literal, the term and the rest follow it.
            var after = text[(match.Index + match.Length)..];
            var termInline = new GlossaryInline(match.Value, term.Definition, hrefOf(term), "tip-" + term.Anchor[5..]);
            literal.Content = new StringSlice(text[..match.Index]);
            literal.InsertAfter(termInline);
            if (after.Length > 0)
            {
                var rest = new LiteralInline(after);
                termInline.InsertAfter(rest);
                LinkIn(rest, linked, hrefOf);
            }

            return;
        }
    }
}
