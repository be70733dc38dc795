namespace LdnSite.Markdown.Citations;

using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

/// <summary>
/// Parses <c>[@key]</c> and <c>[@key1; @key2]</c>. Anything else that starts with '[' is left to
/// the link parser, which runs after this one.
/// </summary>
public sealed class CitationInlineParser : InlineParser
{
    /// <summary>The most characters a citation may span, brackets included.</summary>
    public const int MaxLength = 2_000;

    /// <summary>Creates the parser, triggered by '['.</summary>
    public CitationInlineParser() => OpeningCharacters = ['['];

    /// <inheritdoc />
    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var start = slice.Start;
        if (slice.PeekChar() != '@')
        {
            return false;
        }

        // The look-ahead is bounded: a page of '[@' without ']' would otherwise scan to the
        // paragraph's end from each one (quadratic). No list of keys is anywhere near this long.
        var close = slice.Text.IndexOf(']', start, Math.Min(slice.End - start + 1, MaxLength));
        if (close < 0)
        {
            return false;
        }

        var keys = new List<string>();
        var position = processor.GetSourcePosition(start, out var line, out var column);
        foreach (var part in slice.Text[(start + 1)..close].Split(';'))
        {
            var key = part.Trim();
            if (key.Length < 2 || key[0] != '@' || !key.Skip(1).All(IsKeyChar))
            {
                // '[@…](…)' or '[@…][…]' is a link whose text starts with '@': the link parser's.
                if (close + 1 < slice.Text.Length && slice.Text[close + 1] is '(' or '[')
                {
                    return false;
                }

                // Anything else would be published as the literal text "[@smith 2007]" beside
                // the claim it was meant to support: it stays text, and the page is told.
                processor.Inline = new MalformedCitationInline(slice.Text[start..(close + 1)])
                {
                    Span = new SourceSpan(position, position + close - start),
                    Line = line,
                    Column = column,
                };
                slice.Start = close + 1;
                return true;
            }

            keys.Add(key[1..]);
        }

        processor.Inline = new CitationInline(keys)
        {
            Span = new SourceSpan(position, position + close - start),
            Line = line,
            Column = column,
        };
        slice.Start = close + 1;
        return true;
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.';
}

/// <summary>Text written like a citation that is not one ("[@smith 2007]", "[@smith2007, p. 4]"): rendered as the text it is, and reported.</summary>
public sealed class MalformedCitationInline(string written) : Markdig.Syntax.Inlines.LiteralInline(written)
{
    /// <summary>What the author wrote, brackets included.</summary>
    public string Written { get; } = written;
}
