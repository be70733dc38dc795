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

    /// <summary>Each id where it was set (line and column, from 1), in reading order; an id set twice is here twice.</summary>
    public List<(string Id, int Line, int Column)> Places { get; } = [];

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
            var (line, column) = node switch { Block b => (b.Line, b.Column), Inline i => (i.Line, i.Column), _ => (0, 0) };
            Places.Add((id, line + 1, column + 1));
        }
    }

    /// <summary>
    /// Reports every id set more than once on the page (LDN037), whether by {#id}, a heading or
    /// raw HTML: a link to it reaches only the first, and assistive technology may read the wrong
    /// element (an aria-labelledby, say).
    /// </summary>
    public static void ReportRepeated(string source, IEnumerable<(string Id, int Line, int Column)> places, ICollection<Engine.Diagnostics.Diagnostic> problems)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, line, column) in places.OrderBy(p => p.Line).ThenBy(p => p.Column))
        {
            if (!first.TryAdd(id, line))
            {
                problems.Add(Engine.Diagnostics.Diagnostic.Warning(source, line, column, "LDN037",
                    $"The id '{id}' is set twice on this page (first on line {first[id]}): a link to it reaches only the first. Give each element its own id."));
            }
        }
    }
}
