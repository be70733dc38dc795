namespace LdnSite.Markdown.Structure;

using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>The readable text of Markdown nodes, for titles, tables of contents and search.</summary>
public static partial class PlainText
{
    /// <summary>Text of a leaf block's inlines (a paragraph, a heading).</summary>
    public static string Of(LeafBlock block)
    {
        var text = new StringBuilder();
        Append(block, text);
        return text.ToString().Trim();
    }

    /// <summary>Text of an inline container (a link's label, an image's alt text).</summary>
    public static string Of(ContainerInline inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        return Collapse(text.ToString());
    }

    /// <summary>Appends a block's text, and for containers every leaf below it.</summary>
    public static void Append(Block block, StringBuilder text)
    {
        switch (block)
        {
            case HtmlBlock:
                // Raw HTML (an author's marker comment, say) is not text a reader sees.
                break;
            case LeafBlock { Inline: { } inline }:
                Append(inline, text);
                text.Append(' ');
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                text.Append(leaf.Lines.ToString()).Append(' ');
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Append(child, text);
                }

                break;
        }
    }

    private static void Append(Inline? inline, StringBuilder text)
    {
        for (; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case HtmlInline html when RemovedElement(html.Tag) is { } name:
                    // The sanitiser removes this element with its content (a <style>, <script> or
                    // <template>), so its text is not what readers see: skip to its closing tag, or to
                    // the end of the paragraph when it has none there.
                    inline = ClosingTag(html, name);
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case ContainerInline container:
                    Append(container.FirstChild, text);
                    break;
            }
        }
    }

    // The name of the element an opening tag starts, when the sanitiser removes that element and
    // it can hold text (void elements such as <embed> hold none, so nothing after them is skipped).
    private static string? RemovedElement(string tag)
    {
        var match = OpeningTag().Match(tag);
        var name = match.Groups[1].Value;
        // <svg/> and <math/> close themselves (foreign elements honour the slash), so the text after them stays.
        var selfClosing = tag.EndsWith("/>", StringComparison.Ordinal) && (name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase));
        return match.Success && !selfClosing && !Sanitizing.HtmlPolicy.AllowedTags.Contains(name) && !VoidElements.Contains(name)
            ? name
            : null;
    }

    private static Inline ClosingTag(HtmlInline opening, string name)
    {
        Inline last = opening;
        for (var next = opening.NextSibling; next is not null; next = next.NextSibling)
        {
            last = next;
            if (next is HtmlInline html && html.Tag.StartsWith("</", StringComparison.Ordinal)
                && html.Tag.AsSpan(2).TrimEnd('>').Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }

        return last;
    }

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")]
    private static partial System.Text.RegularExpressions.Regex OpeningTag();

    /// <summary>Folds runs of white space into one space.</summary>
    public static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            // A citation between a word and its full stop leaves "word ." behind; close the gap.
            if (space && c is not ('.' or ',' or ';' or ':' or ')' or '?' or '!'))
            {
                result.Append(' ');
            }

            space = false;

            result.Append(c);
        }

        return result.ToString();
    }
}
