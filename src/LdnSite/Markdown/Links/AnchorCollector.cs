namespace LdnSite.Markdown.Links;

using LdnSite.Markdown.Structure;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// The ids a link on the page may name, gathered in its walk: every id set with {#id} on a block
/// or inline, headings' included. Runs after the unsafe-markup check, so only kept ids count;
/// ids set in raw HTML are added by the page renderer from the raw HTML filter.
/// </summary>
public sealed class AnchorCollector : IBlockVisitor, IInlineVisitor
{
    /// <summary>The ids found so far.</summary>
    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Enter(Block block, Block? previous) => Add(block);

    /// <inheritdoc />
    public void Leave(Block block)
    {
    }

    /// <inheritdoc />
    public void Visit(Inline inline, LeafBlock leaf, bool inLink) => Add(inline);

    private void Add(IMarkdownObject node)
    {
        if (node.TryGetAttributes()?.Id is { Length: > 0 } id)
        {
            Ids.Add(id);
        }
    }
}
