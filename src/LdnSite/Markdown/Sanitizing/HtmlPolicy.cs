namespace LdnSite.Markdown.Sanitizing;

using Ganss.Xss;

/// <summary>
/// What raw HTML in a page may contain, enforced by HtmlSanitizer (the well-kept library for
/// this): the elements a health article needs (tables, details, abbr, sup…), with no script,
/// style, iframe, object, form, base or meta, no event handlers, no inline styles (the site's
/// Content-Security-Policy forbids them anyway), only http(s) and mailto links, and images
/// only from the site itself. Only raw HTML is judged (see <see cref="RawHtmlFilter"/>); what
/// Markdown emits never is.
/// </summary>
public static class HtmlPolicy
{
    /// <summary>Schemes a link may use.</summary>
    public static readonly IReadOnlySet<string> Schemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" };

    // Created on first use: pages without raw HTML never load the sanitiser (and AngleSharp).
    private static readonly Lazy<HtmlSanitizer> Sanitizer = new(Create);

    // The sanitizer is shared by every thread; what it removes is collected per call.
    [ThreadStatic]
    private static List<string>? _removed;

    /// <summary>The elements raw HTML may use; any other loses its tags.</summary>
    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt",
        "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre",
        "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
        "u", "ul", "var", "wbr",
    };

    /// <summary>Sanitises the children of <paramref name="context"/> in place; each removal is added to <paramref name="removed"/>.</summary>
    internal static void Sanitize(AngleSharp.Html.Dom.IHtmlDocument document, AngleSharp.Html.Dom.IHtmlElement context, List<string> removed)
    {
        _removed = removed;
        try
        {
            Sanitizer.Value.SanitizeDom(document, context);
        }
        finally
        {
            _removed = null;
        }
    }

    /// <summary>
    /// Whether an author may give an element this id: letters, digits, '-' and '_' only, and
    /// not one the layouts or the build use.
    /// </summary>
    public static bool IsAllowedId(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && !IsReservedId(id);

    /// <summary>
    /// Whether <paramref name="url"/> stays on the site: no scheme and no host. Browsers read
    /// '\' as '/', so <c>\\host/x</c> and <c>/\host/x</c> name a host as <c>//host/x</c> does,
    /// and <c>https:host/x</c> has a scheme.
    /// </summary>
    public static bool IsLocalAddress(string url)
    {
        var compact = Compact(url).Replace('\\', '/');
        return !compact.StartsWith("//", StringComparison.Ordinal) && SchemeOf(compact) is null;
    }

    /// <summary>Whether a link target may be published: relative, or with an allowed scheme.</summary>
    public static bool IsAllowedUrl(string url) => SchemeOf(Compact(url)) is not { } scheme || Schemes.Contains(scheme);

    // What a browser reads of an address: white space and control characters are ignored.
    private static string Compact(string url) => new(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());

    // The scheme before the first ':', unless a '/', '?' or '#' comes first (then the address is relative).
    private static string? SchemeOf(string compact)
    {
        var colon = compact.IndexOf(':');
        var end = compact.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (end >= 0 && end < colon) ? null : compact[..colon];
    }

    /// <summary>
    /// Whether a class Markdown gave a block may stay: only those Markdown syntax adds (a fenced
    /// code block's language, a task list, a table column's alignment). Every other class is the site's: with it,
    /// content could dress text as a citation (<c>ref__body</c>) or show it only to screen
    /// readers or on paper (<c>visually-hidden</c>, <c>print-only</c>). Raw HTML may set no
    /// class and no role at all.
    /// </summary>
    public static bool IsAllowedClass(string name) =>
        name is "task-list-item" or "contains-task-list" or "task-list-item-checkbox" or "align-left" or "align-right" or "align-center"
        || (name.StartsWith("language-", StringComparison.Ordinal) && name.Length > 9 && name.Skip(9).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '#'));

    /// <summary>Ids the layouts and the build give elements; an author's id may not take one.</summary>
    public static bool IsReservedId(string id) =>
        ReservedIds.Contains(id) || ReservedIdPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal));

    private static readonly HashSet<string> ReservedIds = new(StringComparer.Ordinal)
    {
        "main", "references", "top", "toc-title", "related-title", "cite-card", "all-studies", "evidence-map-heading", "evidence-map-title", "evidence-map-desc",
    };

    private static readonly string[] ReservedIdPrefixes = ["ref-", "cite-", "search-", "source-", "study-", "term-", "tip-"];

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                // No class and no role: those are the site's (see IsAllowedClass).
                "id", "href", "src", "alt", "title", "width", "height", "colspan", "rowspan", "scope", "headers", "lang", "dir",
                "datetime", "cite", "open", "start", "reversed", "type", "rel", "loading", "decoding", "abbr",
                "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "aria-current",
            },
            AllowedSchemes = new HashSet<string>(Schemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "cite" },
            AllowedCssProperties = new HashSet<string>(),
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = false };
        // What the allow-list cannot say: images from the web (a tracking pixel in the offline zip).
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element && element.GetAttribute("src") is { } src && !IsLocalAddress(src))
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
