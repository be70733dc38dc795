namespace LdnSite.Markdown.Sanitizing;

using Ganss.Xss;

/// <summary>
/// What raw HTML in a page may contain, enforced by HtmlSanitizer (the well-kept library for
/// this): the elements a health article needs (tables, details, abbr, sup…), with no script,
/// style, iframe, object, form, base or meta, no event handlers, no inline styles (the site's
/// Content-Security-Policy forbids them anyway) and only http(s) and mailto URLs.
/// </summary>
public static class HtmlPolicy
{
    /// <summary>Schemes a link or image may use.</summary>
    public static readonly IReadOnlySet<string> Schemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    private static readonly HtmlSanitizer Sanitizer = Create();

    // The sanitizer is shared by every thread; what it removes is collected per call.
    [ThreadStatic]
    private static List<string>? _removed;

    /// <summary>The HTML with everything outside the policy removed; each removal is added to <paramref name="removed"/>.</summary>
    public static string Clean(string html, List<string> removed)
    {
        _removed = removed;
        try
        {
            return Sanitizer.Sanitize(html);
        }
        finally
        {
            _removed = null;
        }
    }

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt",
                "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre",
                "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
                "u", "ul", "var", "wbr",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "id", "class", "href", "src", "alt", "title", "width", "height", "colspan", "rowspan", "scope", "headers", "lang", "dir",
                "datetime", "cite", "open", "start", "reversed", "type", "checked", "disabled", "role", "rel", "loading", "decoding", "abbr",
                "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "aria-current",
            },
            AllowedSchemes = new HashSet<string>(Schemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "cite" },
            AllowedCssProperties = new HashSet<string>(),
        };
        // A removed element goes with its content: the text of a script or an iframe is not for readers.
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = false };
        sanitizer.RemovingTag += (_, e) => _removed?.Add($"the <{e.Tag.LocalName}> element");
        sanitizer.RemovingAttribute += (_, e) => _removed?.Add($"the {e.Attribute.Name} attribute of <{e.Tag.LocalName}>");
        sanitizer.RemovingStyle += (_, e) => _removed?.Add($"a style on <{e.Tag.LocalName}>");
        sanitizer.RemovingAtRule += (_, _) => _removed?.Add("a CSS at-rule");
        sanitizer.RemovingCssClass += (_, _) => { };
        return sanitizer;
    }
}
