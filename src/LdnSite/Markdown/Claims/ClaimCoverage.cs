namespace LdnSite.Markdown.Claims;

using LdnSite.Content;
using LdnSite.Engine.Diagnostics;
using LdnSite.Markdown.Citations;
using LdnSite.Markdown.Structure;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Every medical statement on the site is meant to cite its source. This check warns on each
/// paragraph or list item of a medical page that cites nothing (an error under --strict),
/// unless the author marked it as making no medical claim: the line <c>&lt;!-- nonmedical --&gt;</c>
/// directly before the paragraph, list, quote or box, or <c>nonmedical: true</c> in a page's
/// front matter. Claims are the paragraphs at the top level or inside quotes and boxes, and the
/// items of lists there; a list item counts as cited when a citation appears anywhere in it.
/// </summary>
public sealed class ClaimCoverage(string source, bool strict, ICollection<Diagnostic> problems) : IBlockVisitor, IInlineVisitor
{
    /// <summary>The marker an author writes before a block that makes no medical claim.</summary>
    public const string Marker = "<!-- nonmedical -->";

    // What the blocks inside each open container are: claims themselves, list items that are
    // claims, or neither. The document's blocks are claims.
    private enum Inside
    {
        Nothing,
        Claims,
        ClaimItems,
    }

    private readonly Stack<Inside> _containers = new([Inside.Claims]);
    private Block? _claim;
    private bool _cited;

    /// <summary>This check for <paramref name="page"/>, or null when the page makes no medical claims.</summary>
    public static ClaimCoverage? For(PageInfo page, bool strict, ICollection<Diagnostic> problems) =>
        page.Nonmedical || !page.Kind.Medical ? null : new ClaimCoverage(page.Source, strict, problems);

    /// <inheritdoc />
    public void Enter(Block block, Block? previous)
    {
        var inside = _containers.Peek();
        var marked = previous is HtmlBlock html && html.Lines.ToString().Trim() == Marker;
        var claim = !marked && ((inside == Inside.Claims && block is ParagraphBlock) || (inside == Inside.ClaimItems && block is ListItemBlock));
        if (claim && _claim is null)
        {
            _claim = block;
            _cited = false;
        }

        if (block is ContainerBlock)
        {
            _containers.Push(marked || inside != Inside.Claims ? Inside.Nothing : block switch
            {
                QuoteBlock or Markdig.Extensions.CustomContainers.CustomContainer => Inside.Claims,
                ListBlock => Inside.ClaimItems,
                _ => Inside.Nothing,
            });
        }
    }

    /// <inheritdoc />
    public void Visit(Inline inline, LeafBlock leaf, bool inLink)
    {
        if (inline is CitationInline)
        {
            _cited = true;
        }
    }

    /// <inheritdoc />
    public void Leave(Block block)
    {
        if (block is ContainerBlock)
        {
            _containers.Pop();
        }

        if (ReferenceEquals(block, _claim))
        {
            _claim = null;
            if (!_cited)
            {
                var what = block is ListItemBlock ? "list item" : "paragraph";
                var message = $"This {what} cites no source. Cite the study that supports it ([@key]), or, if it makes no medical claim, put the line {Marker} before it.";
                problems.Add(strict ? Diagnostic.Error(source, block.Line + 1, block.Column + 1, "LDN034", message) : Diagnostic.Warning(source, block.Line + 1, block.Column + 1, "LDN034", message));
            }
        }
    }
}
