namespace LdnSite.Markdown.Citations;

using LdnSite.Engine.Diagnostics;
using LdnSite.Markdown.Structure;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// The citations' part of a page's walk: each citation is numbered (<see cref="CitationNumbering"/>)
/// and kept on the line of the word before it; text written like a citation but not one is an error.
/// </summary>
public sealed class CitationVisitor(CitationNumbering numbering, string source, ICollection<Diagnostic> problems) : IInlineVisitor
{
    /// <inheritdoc />
    public void Visit(Inline inline, LeafBlock leaf, bool inLink)
    {
        switch (inline)
        {
            case MalformedCitationInline malformed:
                problems.Add(Diagnostic.Error(source, malformed.Line + 1, malformed.Column + 1, "LDN031",
                    $"'{malformed.Written}' is written like a citation but is not one. Write [@key] or [@key1; @key2], where a key holds only letters, digits, '_', '-', ':' and '.' (no spaces or page numbers); to show the text itself, write \\[@ instead."));
                break;
            case CitationInline citation:
                if (inLink)
                {
                    // The mark is a link itself; a link inside a link is not HTML, and browsers tear it apart.
                    problems.Add(Diagnostic.Error(source, citation.Line + 1, citation.Column + 1, "LDN038",
                        "A citation is inside a link's text, and a link may not hold another link. Put the citation after the link: [text](address) [@key]."));
                }

                numbering.Visit(citation);
                KeepWithPreviousWord(citation);
                break;
        }
    }

    // "a claim [1]": the space before a citation mark becomes a no-break space, so the mark never
    // wraps onto a line of its own.
    private static void KeepWithPreviousWord(CitationInline citation)
    {
        // The text before is shortened in place, not copied: a page has hundreds of citations.
        if (citation.PreviousSibling is LiteralInline { Content: { Length: > 0 } content } literal && char.IsWhiteSpace(content.Text[content.End]))
        {
            var end = content.End;
            while (end >= content.Start && char.IsWhiteSpace(content.Text[end]))
            {
                end--;
            }

            literal.Content = new Markdig.Helpers.StringSlice(content.Text, content.Start, end);
            citation.NoBreakBefore = true;
        }
    }
}
