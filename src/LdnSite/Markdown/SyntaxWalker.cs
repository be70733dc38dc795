namespace LdnSite.Markdown;

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
                    WalkInlines(inline, leaf, inLink: false, visit);
                    break;
                case ContainerBlock child:
                    WalkBlocks(child, visitBlock, visit);
                    break;
            }
        }
    }

    private static void WalkInlines(ContainerInline container, LeafBlock leaf, bool inLink, Action<Inline, LeafBlock, bool> visit)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            visit(inline, leaf, inLink);
            if (inline is ContainerInline child)
            {
                WalkInlines(child, leaf, inLink || inline is LinkInline, visit);
            }
        }
    }
}
