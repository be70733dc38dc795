namespace LdnSite.Markdown.Sanitizing;

/// <summary>Whether raw HTML is exactly one comment, read as a browser's HTML parser reads it.</summary>
public static class HtmlComment
{
    /// <summary>
    /// True when <paramref name="html"/> (surrounding white space aside) is one whole comment and
    /// nothing else. A comment ends at its first "--&gt;" or "--!&gt;", and "&lt;!--&gt;" and
    /// "&lt;!---&gt;" are whole (empty) comments, so "&lt;!-- --&gt;&lt;script&gt;…" or
    /// "&lt;!--&gt; text --&gt;" are not one comment: they hold markup a reader would see.
    /// </summary>
    public static bool IsWhole(string html)
    {
        var text = html.AsSpan().Trim();
        const string Open = "<!--";
        const string Close = "-->";
        if (!text.StartsWith(Open, StringComparison.Ordinal) || !text.EndsWith(Close, StringComparison.Ordinal))
        {
            return false;
        }

        var data = text[Open.Length..];
        return !data.StartsWith(">", StringComparison.Ordinal)
            && !data.StartsWith("->", StringComparison.Ordinal)
            && data.IndexOf(Close, StringComparison.Ordinal) == data.Length - Close.Length
            && data.IndexOf("--!>", StringComparison.Ordinal) < 0;
    }
}
