namespace LdnSite.Markdown.Sanitizing;

using AngleSharp.Html.Parser;

/// <summary>
/// Asks HtmlSanitizer, the well-kept library for this, what one raw element may keep: the
/// element is built alone in a scratch document (so a <c>&lt;td&gt;</c> is judged as a table
/// cell, not dropped by the HTML parser for standing outside a table) and sanitised there under
/// <see cref="HtmlPolicy"/>. One per page: the scratch document is not shared between threads.
/// </summary>
public sealed class ElementJudge
{
    private AngleSharp.Html.Dom.IHtmlDocument? _scratch;

    /// <summary>
    /// The attributes <paramref name="name"/> may keep, in order, or null when the element may
    /// not be published; what was taken out is added to <paramref name="removed"/>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Element(string name, IReadOnlyList<KeyValuePair<string, string>> attributes, List<string> removed)
    {
        _scratch ??= new HtmlParser().ParseDocument("");
        var body = _scratch.Body!;
        var element = _scratch.CreateElement(name);
        foreach (var (attribute, value) in attributes)
        {
            try
            {
                element.SetAttribute(attribute, value);
            }
            catch (AngleSharp.Dom.DomException)
            {
                // A name no element can carry ('"x', 'a<b'): the browser would read it, the DOM cannot hold it.
                RawHtmlFilter.Add(removed, $"the attribute '{(attribute.Length > 40 ? attribute[..40] + "…" : attribute)}' of <{name}>");
            }
        }

        body.AppendChild(element);
        try
        {
            HtmlPolicy.Sanitize(_scratch, body, removed);
            return body.FirstElementChild is { } kept ? kept.Attributes.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)).ToList() : null;
        }
        finally
        {
            while (body.FirstChild is { } child)
            {
                body.RemoveChild(child);
            }
        }
    }
}
