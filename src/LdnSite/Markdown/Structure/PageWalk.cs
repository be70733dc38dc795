namespace LdnSite.Markdown.Structure;

using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>A feature that looks at blocks as the walk enters and leaves them.</summary>
public interface IBlockVisitor
{
    /// <summary><paramref name="block"/>, before its text and its content; <paramref name="previous"/> is the block before it in the same container.</summary>
    void Enter(Block block, Block? previous);

    /// <summary><paramref name="block"/>, after everything inside it.</summary>
    void Leave(Block block);
}

/// <summary>A feature that reads what readers see of each leaf block.</summary>
public interface ILeafTextVisitor
{
    /// <summary>
    /// The plain text of <paramref name="leaf"/> (see <see cref="PlainText"/>; raw HTML blocks
    /// have none), read after every block visitor has entered it and before any inline visitor
    /// has changed it. Valid only during the call.
    /// </summary>
    void Text(LeafBlock leaf, StringBuilder text);
}

/// <summary>A feature that looks at (and may change) each inline.</summary>
public interface IInlineVisitor
{
    /// <summary><paramref name="inline"/> of <paramref name="leaf"/>; <paramref name="inLink"/> when it sits inside a link (Markdown or raw HTML).</summary>
    void Visit(Inline inline, LeafBlock leaf, bool inLink);
}

/// <summary>
/// The one walk of a page's syntax tree: every feature registers a visitor from its own folder
/// and the tree is walked once, in reading order. At each block the block visitors enter it (in
/// the order given), then, for a leaf, the text visitors get its plain text and the inline
/// visitors see each inline; then the block visitors leave it. An inline a visitor inserts
/// after the current one is visited next. Visitors must not add or remove blocks while walking.
/// </summary>
public sealed class PageWalk
{
    private readonly IBlockVisitor[] _blocks;
    private readonly ILeafTextVisitor[] _texts;
    private readonly IInlineVisitor[] _inlines;

    /// <summary>A walk for <paramref name="visitors"/>; each takes part through the interfaces it implements.</summary>
    public PageWalk(IEnumerable<object?> visitors)
    {
        var all = visitors.OfType<object>().ToList();
        _blocks = [.. all.OfType<IBlockVisitor>()];
        _texts = [.. all.OfType<ILeafTextVisitor>()];
        _inlines = [.. all.OfType<IInlineVisitor>()];
    }

    /// <summary>Walks <paramref name="document"/> once.</summary>
    public void Run(MarkdownDocument document)
    {
        var text = _texts.Length > 0 ? new StringBuilder(256) : null;
        Blocks(document, text);
    }

    private void Blocks(ContainerBlock container, StringBuilder? text)
    {
        Block? previous = null;
        foreach (var block in container)
        {
            foreach (var visitor in _blocks)
            {
                visitor.Enter(block, previous);
            }

            switch (block)
            {
                case HtmlBlock:
                    // Raw HTML is no text a reader sees, and holds no inlines.
                    break;
                case LeafBlock leaf:
                    if (text is not null)
                    {
                        text.Clear();
                        PlainText.Append(leaf, text);
                        foreach (var visitor in _texts)
                        {
                            visitor.Text(leaf, text);
                        }
                    }

                    if (leaf.Inline is { } inline && _inlines.Length > 0)
                    {
                        var rawLinks = 0;
                        Inlines(inline, leaf, inLink: false, ref rawLinks);
                    }

                    break;
                case ContainerBlock child:
                    Blocks(child, text);
                    break;
            }

            foreach (var visitor in _blocks)
            {
                visitor.Leave(block);
            }

            previous = block;
        }
    }

    // A link written in raw HTML (<a href="…">…</a>) is a link too: what follows its opening tag,
    // up to its closing tag, is inside it, though Markdig sees only two separate tags. The count
    // of open ones runs in document order across the paragraph, so an <a> opened inside emphasis
    // still holds the words after the emphasis ends; a Markdown link's text counts on its own.
    private void Inlines(ContainerInline container, LeafBlock leaf, bool inLink, ref int rawLinks)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            foreach (var visitor in _inlines)
            {
                visitor.Visit(inline, leaf, inLink || rawLinks > 0);
            }

            if (inline is LinkInline link)
            {
                // Markdig writes this link's </a>, which closes any raw <a> opened in its text.
                var inside = 0;
                Inlines(link, leaf, inLink: true, ref inside);
            }
            else if (inline is ContainerInline child)
            {
                Inlines(child, leaf, inLink, ref rawLinks);
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
