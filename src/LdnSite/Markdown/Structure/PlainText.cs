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

    // Raw HTML tags are not text; the Markdown text between them is what readers see (raw HTML
    // is cleaned tag by tag, so a removed element's tags go and the text around them stays).
    private static void Append(Inline? inline, StringBuilder text)
    {
        for (; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
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
