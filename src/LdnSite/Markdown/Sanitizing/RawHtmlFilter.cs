namespace LdnSite.Markdown.Sanitizing;

using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

/// <summary>
/// Cleans a page's raw HTML where it occurs, one raw block or inline tag at a time, so what
/// Markdown itself emits is never put through the sanitiser and never depends on raw HTML
/// elsewhere on the page. Each fragment is read with AngleSharp's HTML tokenizer (as a browser
/// reads it); every tag is judged by <see cref="HtmlPolicy"/> and written again from its parsed
/// name and attributes, text is encoded again, and comments and declarations go. An element
/// the policy refuses loses its tags; inside a raw block, an element that holds code or hidden
/// content (a script, a style, a template) goes with its content. End tags are written only for
/// raw elements that are open, and <see cref="CloseOpenElements"/> closes what the page left
/// open, so raw HTML can neither close Markdown's elements nor spill into the layout.
/// </summary>
public sealed class RawHtmlFilter
{
    // Elements whose content is code, hidden or parsed by other rules: in a raw block they go
    // with everything inside them (as far as the block reaches).
    private static readonly Dictionary<string, HtmlParseMode> DroppedWithContent = new(StringComparer.Ordinal)
    {
        ["script"] = HtmlParseMode.Script,
        ["style"] = HtmlParseMode.Rawtext,
        ["xmp"] = HtmlParseMode.Rawtext,
        ["iframe"] = HtmlParseMode.Rawtext,
        ["noembed"] = HtmlParseMode.Rawtext,
        ["noframes"] = HtmlParseMode.Rawtext,
        ["noscript"] = HtmlParseMode.Rawtext,
        ["textarea"] = HtmlParseMode.RCData,
        ["title"] = HtmlParseMode.RCData,
        ["plaintext"] = HtmlParseMode.Plaintext,
        ["template"] = HtmlParseMode.PCData,
        ["svg"] = HtmlParseMode.PCData,
        ["math"] = HtmlParseMode.PCData,
        ["object"] = HtmlParseMode.PCData,
        ["select"] = HtmlParseMode.PCData,
        ["head"] = HtmlParseMode.PCData,
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    // Raw elements opened on this page and not closed yet, oldest first.
    private readonly List<string> _open = [];
    private readonly ElementJudge _judge = new();

    /// <summary>Every id raw HTML set that was kept (targets a link on the page may name), in the order set; an id set twice is here twice.</summary>
    public List<string> IdsInOrder { get; } = [];

    /// <summary>
    /// <paramref name="html"/> as it may be published; what was taken out is added to
    /// <paramref name="removed"/>, once per kind.
    /// </summary>
    /// <param name="html">A raw HTML block's text or one inline tag.</param>
    /// <param name="block">A block: elements that hide content go with it.</param>
    /// <param name="removed">What was removed, in words for a diagnostic.</param>
    public string Filter(string html, bool block, List<string> removed)
    {
        var output = new StringBuilder(html.Length);
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        string? dropping = null;
        var depth = 0;
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (dropping is not null)
            {
                // Inside an element that goes with its content: only its own tags count.
                if (token.Type == HtmlTokenType.StartTag && token.Name == dropping && !token.AsTag().IsSelfClosing)
                {
                    depth++;
                }
                else if (token.Type == HtmlTokenType.EndTag && token.Name == dropping && --depth == 0)
                {
                    dropping = null;
                }

                continue;
            }

            switch (token.Type)
            {
                case HtmlTokenType.Character:
                    Encode(token.Data, output, attribute: false);
                    break;
                case HtmlTokenType.StartTag:
                    var tag = token.AsTag();
                    if (DroppedWithContent.TryGetValue(tag.Name, out var mode))
                    {
                        Add(removed, $"the <{tag.Name}> element" + (block ? " with its content" : ""));
                        if (block && !(tag.IsSelfClosing && tag.Name is "svg" or "math"))
                        {
                            // The tokenizer reads the content as the browser would (a script's text is not tags).
                            tokenizer.State = mode;
                            dropping = tag.Name;
                            depth = 1;
                        }
                    }
                    else
                    {
                        WriteStartTag(tag, output, removed);
                    }

                    break;
                case HtmlTokenType.EndTag:
                    var index = _open.LastIndexOf(token.Name);
                    if (index >= 0)
                    {
                        _open.RemoveAt(index);
                        output.Append("</").Append(token.Name).Append('>');
                    }

                    // Any other end tag would close an element Markdown or the layout opened: it goes, silently.
                    break;
                case HtmlTokenType.Doctype:
                    Add(removed, "a document type declaration");
                    break;
                default:
                    // Comments are notes to other authors, not for readers.
                    break;
            }
        }

        // An element that hides content and is left open at the end of its block hides nothing beyond it.
        return output.ToString();
    }

    /// <summary>End tags for the raw elements the page left open, newest first; empty when none.</summary>
    public string CloseOpenElements()
    {
        var closing = new StringBuilder();
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            closing.Append("</").Append(_open[i]).Append('>');
        }

        _open.Clear();
        return closing.ToString();
    }

    private void WriteStartTag(HtmlTagToken tag, StringBuilder output, List<string> removed)
    {
        var attributes = new List<KeyValuePair<string, string>>(tag.Attributes.Count);
        foreach (var attribute in tag.Attributes)
        {
            attributes.Add(new(attribute.Name, attribute.Value));
        }

        var kept = _judge.Element(tag.Name, attributes, removed);
        if (kept is null)
        {
            return;
        }

        output.Append('<').Append(tag.Name);
        foreach (var (name, value) in kept)
        {
            if (name == "id")
            {
                if (!HtmlPolicy.IsAllowedId(value))
                {
                    Add(removed, $"the id '{(value.Length > 60 ? value[..60] + "…" : value)}' (ids may hold only letters, digits, '-' and '_', and may not be one the site uses itself, such as main or ref-1)");
                    continue;
                }

                IdsInOrder.Add(value);
            }

            output.Append(' ').Append(name).Append("=\"");
            Encode(value, output, attribute: true);
            output.Append('"');
        }

        output.Append('>');
        if (!VoidElements.Contains(tag.Name))
        {
            _open.Add(tag.Name);
        }
    }

    /// <summary>Adds <paramref name="what"/> to <paramref name="removed"/> unless it is there already (one diagnostic per kind of removal).</summary>
    internal static void Add(List<string> removed, string what)
    {
        if (!removed.Contains(what))
        {
            removed.Add(what);
        }
    }

    private static void Encode(string text, StringBuilder output, bool attribute)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '<' => output.Append("&lt;"),
                '>' => output.Append("&gt;"),
                '"' when attribute => output.Append("&quot;"),
                _ => output.Append(c),
            };
        }
    }
}
