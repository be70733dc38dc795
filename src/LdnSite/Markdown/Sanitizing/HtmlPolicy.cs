namespace LdnSite.Markdown.Sanitizing;

using Ganss.Xss;

/// <summary>
/// What raw HTML in a page may contain, enforced by HtmlSanitizer (the well-kept library for
/// this): the elements a health article needs (tables, details, abbr, sup…), with no script,
/// style, iframe, object, form, base or meta, no event handlers, no inline styles (the site's
/// Content-Security-Policy forbids them anyway) and only http(s) and mailto URLs.
/// </summary>
public static partial class HtmlPolicy
{
    /// <summary>Schemes a link or image may use.</summary>
    public static readonly IReadOnlySet<string> Schemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    // Created on first use: pages without raw HTML never load the sanitiser (and AngleSharp).
    private static readonly Lazy<HtmlSanitizer> Sanitizer = new(Create);

    // The sanitizer is shared by every thread; what it removes is collected per call.
    [ThreadStatic]
    private static List<string>? _removed;

    /// <summary>The HTML with everything outside the policy removed; each removal is added to <paramref name="removed"/>.</summary>
    public static string Clean(string html, List<string> removed)
    {
        _removed = removed;
        try
        {
            return Sanitizer.Value.Sanitize(html);
        }
        finally
        {
            _removed = null;
        }
    }

    /// <summary>
    /// <paramref name="html"/> (an author's raw HTML) without id attributes the site uses itself:
    /// a raw <c>&lt;div id="ref-1"&gt;</c> would take a citation's target. Done on the author's text,
    /// before rendering, because in the finished body the site's own ids look the same.
    /// </summary>
    public static string WithoutReservedIds(string html, List<string> removed) =>
        IdAttribute().Replace(html, match =>
        {
            var value = System.Net.WebUtility.HtmlDecode(match.Groups["value"].Value.Trim('"', '\''));
            if (!IsReservedId(value.Trim()))
            {
                return match.Value;
            }

            removed.Add($"the id '{value}', which the site uses itself");
            return "";
        });

    /// <summary>The ids set in an author's raw HTML (<c>&lt;span id="x"&gt;</c>), which links on the page may name.</summary>
    public static IEnumerable<string> IdsIn(string html) =>
        IdAttribute().Matches(Comment().Replace(html, ""))
            .Where(m => m.Value.TrimStart().StartsWith("id", StringComparison.OrdinalIgnoreCase))
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value.Trim('"', '\'')).Trim())
            .Where(id => id.Length > 0);

    // An id inside a comment (<!-- <span id="x"> -->, or an unclosed one to the end) is not on
    // the page; "<!-->" and "<!--->" are whole (empty) comments, as a browser reads them.
    [System.Text.RegularExpressions.GeneratedRegex(@"<!---?>|<!--.*?(?:-->|\z)", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex Comment();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s(?:id|name)\s*=\s*(?<value>""[^""]*""|'[^']*'|[^\s>]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex IdAttribute();

    /// <summary>Ids the layouts and the build give elements; an author's id may not take one.</summary>
    public static bool IsReservedId(string id) =>
        ReservedIds.Contains(id) || ReservedIdPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal));

    private static readonly HashSet<string> ReservedIds = new(StringComparer.Ordinal)
    {
        "main", "references", "top", "toc-title", "cite-card", "all-studies", "evidence-map-heading", "evidence-map-title", "evidence-map-desc",
    };

    private static readonly string[] ReservedIdPrefixes = ["ref-", "cite-", "search-", "source-", "study-", "term-", "tip-"];

    /// <summary>The elements raw HTML may use; any other is removed with everything inside it.</summary>
    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt",
        "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre",
        "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
        "u", "ul", "var", "wbr",
    };

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
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
        // What the allow-list cannot say: images from the web (a tracking pixel in the offline zip).
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not AngleSharp.Dom.IElement element)
            {
                return;
            }

            if (element.LocalName == "img" && element.GetAttribute("src") is { } src && (src.Contains("://", StringComparison.Ordinal) || src.StartsWith("//", StringComparison.Ordinal)))
            {
                _removed?.Add("an image loaded from the web (save it under input/ so the site works offline)");
                element.Remove();
            }
        };
        sanitizer.RemovingTag += (_, e) => _removed?.Add($"the <{e.Tag.LocalName}> element");
        sanitizer.RemovingAttribute += (_, e) => _removed?.Add($"the {e.Attribute.Name} attribute of <{e.Tag.LocalName}>");
        sanitizer.RemovingStyle += (_, e) => _removed?.Add($"a style on <{e.Tag.LocalName}>");
        sanitizer.RemovingAtRule += (_, _) => _removed?.Add("a CSS at-rule");
        sanitizer.RemovingCssClass += (_, _) => { };
        return sanitizer;
    }
}
