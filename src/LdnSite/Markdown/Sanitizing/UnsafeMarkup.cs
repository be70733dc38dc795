namespace LdnSite.Markdown.Sanitizing;

using LdnSite.Engine.Diagnostics;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Checks, on the syntax tree, everything in a page that could carry script: raw HTML blocks and
/// inline tags (each cleaned where it occurs by <see cref="RawHtmlFilter"/>, so a removal is
/// reported at its line and nothing Markdown emits is ever sanitised), attributes written with
/// Markdig's <c>{…}</c> syntax (only id and class are kept) and link URLs (only http, https,
/// mailto and relative; a Markdown image from the web is LinkRewriter's LDN024). Removals are
/// warnings, errors under --strict.
/// </summary>
public sealed class UnsafeMarkup(string source, bool strict, ICollection<Diagnostic> problems) : Structure.IBlockVisitor, Structure.IInlineVisitor
{
    private static readonly HashSet<string> KeptAttributes = new(StringComparer.OrdinalIgnoreCase) { "id", "class" };

    private readonly RawHtmlFilter _raw = new();

    // Blocks and inlines that are one whole HTML comment, such as the nonmedical marker. Nothing
    // of them may reach readers (a note to other authors is not for publishing), and they cannot
    // carry script, so they are dropped rather than filtered.
    private readonly List<MarkdownObject> _comments = [];

    /// <summary>Each id raw HTML set and kept (a target a link on the page may name), where it was set (line and column of its tag or block).</summary>
    public List<(string Id, int Line, int Column)> RawIdPlaces { get; } = [];

    /// <summary>
    /// Checks a block: its {…} attributes, and its HTML when it is raw HTML. Runs first in the
    /// walk, so the table of contents, anchors, search sections and FAQ data read only checked
    /// ids: a heading whose id the site itself uses (a heading "References" or "Study design" would
    /// get "references" or "study-design") gets a prefix instead, so it can neither take the site's
    /// own targets nor lose its anchor, and an id such as <c>x"onfocus=…</c> is removed (and reported).
    /// </summary>
    public void Enter(Block block, Block? previous)
    {
        if (block is HeadingBlock heading && heading.TryGetAttributes() is { Id: { } id } attributes && HtmlPolicy.IsReservedId(id))
        {
            attributes.Id = "section-" + id;
        }

        FilterAttributes(block, block.Line + 1, block.Column + 1);
        if (block is HtmlBlock html)
        {
            var text = html.Lines.ToString();
            if (HtmlComment.IsWhole(text))
            {
                _comments.Add(html);
                return;
            }

            html.Lines = new Markdig.Helpers.StringLineGroup(Filter(text, block: true, html.Line + 1, html.Column + 1));
        }
    }

    /// <inheritdoc />
    public void Leave(Block block)
    {
    }

    /// <summary>Checks an inline: its {…} attributes, raw HTML tags and link URLs.</summary>
    public void Visit(Inline inline, LeafBlock leaf, bool inLink)
    {
        FilterAttributes(inline, inline.Line + 1, inline.Column + 1);
        switch (inline)
        {
            case HtmlInline html when HtmlComment.IsWhole(html.Tag):
                _comments.Add(html);
                break;
            case HtmlInline html:
                html.Tag = Filter(html.Tag, block: false, inline.Line + 1, inline.Column + 1);
                break;
            case LinkInline link when (link.GetDynamicUrl?.Invoke() ?? link.Url) is { } url && !HtmlPolicy.IsAllowedUrl(url):
                Remove($"the link '{Shorten(url)}' (only http, https and mailto links are allowed)", inline.Line + 1, inline.Column + 1);
                link.GetDynamicUrl = null;
                link.Url = "#";
                break;
            case AutolinkInline { IsEmail: false } autolink when !HtmlPolicy.IsAllowedUrl(autolink.Url):
                Remove($"the link '{Shorten(autolink.Url)}' (only http, https and mailto links are allowed)", inline.Line + 1, inline.Column + 1);
                autolink.Url = "#";
                break;
        }
    }

    /// <summary>End tags for the raw elements the page left open, to follow the rendered body; empty when none.</summary>
    public string CloseRawElements() => _raw.CloseOpenElements();

    /// <summary>Takes the whole comments seen out of the syntax tree; call after the walk, before rendering.</summary>
    public void DropComments()
    {
        foreach (var comment in _comments)
        {
            switch (comment)
            {
                case Block block:
                    block.Parent?.Remove(block);
                    break;
                case Inline inline:
                    inline.Remove();
                    break;
            }
        }

        _comments.Clear();
    }

    private void FilterAttributes(IMarkdownObject node, int line, int column)
    {
        if (node.TryGetAttributes() is not { } attributes)
        {
            return;
        }

        if (attributes.Properties is { Count: > 0 } properties)
        {
            foreach (var property in properties.Where(p => !KeptAttributes.Contains(p.Key)).ToList())
            {
                Remove($"the attribute '{property.Key}' (only id and class may be set with {{…}})", line, column);
                properties.Remove(property);
            }
        }

        if (attributes.Classes is { Count: > 0 } classes)
        {
            // '::: key-facts' gives its block the class 'key-facts' (Markdig's custom containers); an
            // unknown ':::' block is DataBlockVisitor's error (LDN047).
            var containerName = (node as Markdig.Extensions.CustomContainers.CustomContainer)?.Info;
            foreach (var name in classes.Where(c => c != containerName && !HtmlPolicy.IsAllowedClass(c)).ToList())
            {
                Remove($"the class '{Shorten(name)}' (classes are the site's own: content could dress text as a citation or hide it from readers)", line, column);
                classes.Remove(name);
            }
        }

        if (attributes.Id is { } id && !HtmlPolicy.IsAllowedId(id))
        {
            Remove($"the id '{Shorten(id)}' (ids may hold only letters, digits, '-' and '_', and may not be one the site uses itself, such as main or ref-1)", line, column);
            attributes.Id = null;
        }
    }

    private string Filter(string html, bool block, int line, int column)
    {
        var removed = new List<string>();
        var idsBefore = _raw.IdsInOrder.Count;
        var cleaned = _raw.Filter(html, block, removed);
        for (var i = idsBefore; i < _raw.IdsInOrder.Count; i++)
        {
            RawIdPlaces.Add((_raw.IdsInOrder[i], line, column));
        }

        foreach (var what in removed)
        {
            Remove(what, line, column);
        }

        return cleaned;
    }

    private void Remove(string what, int line, int column)
    {
        var message = $"Removed {what}: raw HTML may not run script or load from elsewhere. Use Markdown, or an element the site allows (see CONTRIBUTING.md).";
        problems.Add(strict ? Diagnostic.Error(source, line, column, "LDN032", message) : Diagnostic.Warning(source, line, column, "LDN032", message));
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
