namespace LdnSite.Markdown.Structure;

using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Visits every inline of a document once, in reading order, with the leaf block it is in and
/// whether it sits inside a link. One plain recursive walk replaces several
/// <c>Descendants&lt;T&gt;()</c> enumerations, which cost more than Markdig's own parse. An inline
/// the visitor inserts after the current one is visited next.
/// </summary>
public static class SyntaxWalker
{
    /// <summary>Walks <paramref name="document"/>, calling <paramref name="visit"/> for each inline.</summary>
    public static void Walk(MarkdownDocument document, Action<Inline, LeafBlock, bool> visit) => WalkBlocks(document, null, visit);

    /// <summary>Walks <paramref name="document"/>, calling <paramref name="visitBlock"/> for each block and <paramref name="visit"/> for each inline.</summary>
    public static void Walk(MarkdownDocument document, Action<Block> visitBlock, Action<Inline, LeafBlock, bool> visit) => WalkBlocks(document, visitBlock, visit);

    private static void WalkBlocks(ContainerBlock container, Action<Block>? visitBlock, Action<Inline, LeafBlock, bool> visit)
    {
        foreach (var block in container)
        {
            visitBlock?.Invoke(block);
            switch (block)
            {
                case LeafBlock { Inline: { } inline } leaf:
                    var rawLinks = 0;
                    WalkInlines(inline, leaf, inLink: false, visit, ref rawLinks);
                    break;
                case ContainerBlock child:
                    WalkBlocks(child, visitBlock, visit);
                    break;
            }
        }
    }

    // A link written in raw HTML (<a href="…">…</a>) is a link too: what follows its opening tag,
    // up to its closing tag, is inside it, though Markdig sees only two separate tags. The count
    // of open ones runs in document order across the paragraph, so an <a> opened inside emphasis
    // still holds the words after the emphasis ends; a Markdown link's text counts on its own.
    private static void WalkInlines(ContainerInline container, LeafBlock leaf, bool inLink, Action<Inline, LeafBlock, bool> visit, ref int rawLinks)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            visit(inline, leaf, inLink || rawLinks > 0);
            if (inline is LinkInline link)
            {
                // Markdig writes this link's </a>, which closes any raw <a> opened in its text.
                var inside = 0;
                WalkInlines(link, leaf, inLink: true, visit, ref inside);
            }
            else if (inline is ContainerInline child)
            {
                WalkInlines(child, leaf, inLink, visit, ref rawLinks);
            }
            else if (inline is HtmlInline html)
            {
                rawLinks = Math.Max(0, rawLinks + RawLinkTag(html.Tag));
            }
        }
    }

    // +1 for an opening <a …> tag, -1 for </a>, 0 for any other tag.
    private static int RawLinkTag(string tag) => RawHtmlTag.Of(tag) is { } raw && raw.Is("a") ? (raw.Closing ? -1 : 1) : 0;
}
