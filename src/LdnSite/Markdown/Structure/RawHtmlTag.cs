namespace LdnSite.Markdown.Structure;

/// <summary>
/// A raw HTML tag as Markdig hands it over in an inline (<c>&lt;a href="…"&gt;</c>,
/// <c>&lt;/a&gt;</c>, <c>&lt;svg/&gt;</c>): the element it names and whether it opens, closes or
/// closes itself. What the search text and the glossary linker both need to follow raw HTML.
/// </summary>
/// <param name="Name">The element's name, as written.</param>
/// <param name="Closing">A closing tag (<c>&lt;/x&gt;</c>).</param>
/// <param name="SelfClosing">An opening tag that ends with <c>/&gt;</c>.</param>
public readonly partial record struct RawHtmlTag(string Name, bool Closing, bool SelfClosing)
{
    /// <summary>The tag of <paramref name="html"/>, or null for a comment, a declaration or other markup.</summary>
    public static RawHtmlTag? Of(string html)
    {
        var match = TagName().Match(html);
        if (!match.Success)
        {
            return null;
        }

        var closing = match.Groups[1].Length > 0;
        return new RawHtmlTag(match.Groups[2].Value, closing, !closing && html.EndsWith("/>", StringComparison.Ordinal));
    }

    /// <summary>Whether the tag names <paramref name="element"/> (HTML names ignore case).</summary>
    public bool Is(string element) => Name.Equals(element, StringComparison.OrdinalIgnoreCase);

    [System.Text.RegularExpressions.GeneratedRegex(@"^<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")]
    private static partial System.Text.RegularExpressions.Regex TagName();
}
