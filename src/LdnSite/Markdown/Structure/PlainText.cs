namespace LdnSite.Markdown.Structure;

using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>The readable text of Markdown nodes, for titles, tables of contents and search.</summary>
public static class PlainText
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
        return Collapse(text);
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

    private static void Append(Inline? inline, StringBuilder text) => Append(inline, text, new Hidden(), level: 0);

    // The element the sanitiser removes that the walk is inside, followed in document order, as a
    // browser parses it: its closing tag may sit inside emphasis (<x>a *b</x> c* shows " c"); an
    // element opened inside emphasis or a link and left open there ends with it (the </em> closes
    // it); same-named ones nest, except in raw text (a <script> inside a script is text) and for
    // elements a second opening tag closes (<button>).
    private sealed class Hidden
    {
        public string? Name { get; set; }

        public int Depth { get; set; }

        // How many emphasis or link containers deep its opening tag was.
        public int Level { get; set; }
    }

    private static readonly HashSet<string> DoNotNest = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
        "h1", "button", "select", "option", "optgroup", "form",
    };

    private static void Append(Inline? inline, StringBuilder text, Hidden hidden, int level)
    {
        for (; inline is not null; inline = inline.NextSibling)
        {
            if (hidden.Name is { } name)
            {
                // The sanitiser removes this element with its content (a <style>, <script> or
                // <template>), so its text is not what readers see: nothing counts until its
                // closing tag, or the end of the paragraph when it has none there.
                switch (inline)
                {
                    case HtmlInline tag when IsClosingTag(tag.Tag, name):
                        hidden.Depth--;
                        hidden.Name = hidden.Depth == 0 ? null : name;
                        break;
                    case HtmlInline tag when !DoNotNest.Contains(name) && RemovedElement(tag.Tag) is { } inner && inner.Equals(name, StringComparison.OrdinalIgnoreCase):
                        hidden.Depth++;
                        break;
                    case ContainerInline container:
                        AppendContainer(container, text, hidden, level);
                        break;
                }

                continue;
            }

            switch (inline)
            {
                case HtmlInline html when RemovedElement(html.Tag) is { } removed:
                    hidden.Name = removed;
                    hidden.Depth = 1;
                    hidden.Level = level;
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
                    AppendContainer(container, text, hidden, level);
                    break;
            }
        }
    }

    private static void AppendContainer(ContainerInline container, StringBuilder text, Hidden hidden, int level)
    {
        Append(container.FirstChild, text, hidden, level + 1);
        if (hidden.Name is not null && hidden.Level > level)
        {
            // Opened inside this emphasis or link and not closed there: the container's end closes it.
            hidden.Name = null;
        }
    }

    // The name of the element an opening tag starts, when the sanitiser removes that element and
    // it can hold text (void elements such as <embed> hold none, so nothing after them is skipped).
    private static string? RemovedElement(string tag) =>
        RawHtmlTag.Of(tag) is { Closing: false } opening
            // <svg/> and <math/> close themselves (foreign elements honour the slash), so the text after them stays.
            && !(opening.SelfClosing && (opening.Is("svg") || opening.Is("math")))
            && !Sanitizing.HtmlPolicy.AllowedTags.Contains(opening.Name) && !VoidElements.Contains(opening.Name)
            ? opening.Name
            : null;

    private static bool IsClosingTag(string tag, string name) => RawHtmlTag.Of(tag) is { Closing: true } closing && closing.Is(name);

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Folds runs of white space into one space.</summary>
    public static string Collapse(string text)
    {
        var collapsed = new Collapsed(text.Length);
        collapsed.Add(text);
        return collapsed.ToStringAndReturn();
    }

    /// <summary>The same for text gathered in a builder, read in place rather than copied to a string first.</summary>
    public static string Collapse(StringBuilder text)
    {
        var collapsed = new Collapsed(text.Length);
        foreach (var chunk in text.GetChunks())
        {
            collapsed.Add(chunk.Span);
        }

        return collapsed.ToStringAndReturn();
    }

    // Collapses into a rented buffer: the text of every section of every page passes through here.
    private struct Collapsed(int capacity)
    {
        private readonly char[] _buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(capacity, 1));
        private int _length;
        private bool _space;

        public void Add(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    _space = _length > 0;
                    continue;
                }

                // A citation between a word and its full stop leaves "word ." behind; close the gap.
                if (_space && c is not ('.' or ',' or ';' or ':' or ')' or '?' or '!'))
                {
                    _buffer[_length++] = ' ';
                }

                _space = false;
                _buffer[_length++] = c;
            }
        }

        public readonly string ToStringAndReturn()
        {
            var text = new string(_buffer, 0, _length);
            System.Buffers.ArrayPool<char>.Shared.Return(_buffer);
            return text;
        }
    }
}
