namespace LdnSite.Markdown.Glossary;

using Markdig.Syntax.Inlines;

/// <summary>The first use of a glossary term on a page, linked to its entry.</summary>
/// <param name="text">The words as they appear in the text.</param>
/// <param name="definition">The term's short definition, shown on hover and focus.</param>
/// <param name="href">Link to the entry on the glossary page, relative to this page.</param>
/// <param name="tipId">Id of the tooltip, unique on the page.</param>
public sealed class GlossaryInline(string text, string definition, string href, string tipId) : LeafInline
{
    /// <summary>The words as they appear in the text.</summary>
    public string Text { get; } = text;

    /// <summary>The definition.</summary>
    public string Definition { get; } = definition;

    /// <summary>The link to the glossary entry.</summary>
    public string Href { get; } = href;

    /// <summary>The tooltip's id.</summary>
    public string TipId { get; } = tipId;
}
