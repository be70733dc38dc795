namespace LdnSite.Content;

using System.Buffers;
using System.Text;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using Microsoft.Win32.SafeHandles;

/// <summary>
/// Reads a page's file once per build, as the one snapshot everything downstream uses (a file
/// saved mid-build gives the old page or the new one, never a mix), and enforces the documented
/// limits on it before any parser sees it: size, valid UTF-8, and how deeply blocks nest (deep
/// nesting makes parsers recurse or slow down without bound).
/// </summary>
public static class SourceText
{
    /// <summary>The largest page accepted, in bytes.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>How deeply block quotes and lists may nest.</summary>
    public const int MaxNesting = 32;

    /// <summary>How many headings a page may have (each is a search section and a contents entry).</summary>
    public const int MaxHeadings = 2_000;

    /// <summary>How many raw HTML tags a page may hold (each goes through the sanitiser).</summary>
    public const int MaxHtmlTags = 5_000;

    /// <summary>
    /// How many links a page may hold, written ('](') or bare (web and mail addresses): Markdig's
    /// link and autolink parsers take time that grows with the square of their number in a
    /// paragraph (100,000 took minutes), so a small page could stall a build.
    /// </summary>
    public const int MaxLinks = 5_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The page's text; throws <see cref="InputException"/> when it breaks a limit.</summary>
    public static string Read(Document document)
    {
        if (document.Content is FileContent file)
        {
            // A handle and positioned reads: a FileStream would add a buffer and a strategy object per page.
            SafeFileHandle handle;
            try
            {
                // Checked at open: a page swapped for a named pipe after it was listed is refused, not waited on.
                handle = RegularFile.Open(file.FullPath);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw Error(document.Source, 0, "LDN090", "The file was removed or renamed while the site was being built; build again.");
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw Error(document.Source, 0, "LDN016", $"The page cannot be read: {e.Message}. Make it a plain UTF-8 text file you may read.");
            }

            using var _ = handle;
            var length = RandomAccess.GetLength(handle);
            if (length > MaxBytes)
            {
                throw Error(document.Source, 1, "LDN010", $"The page is {length / 1024 / 1024.0:0.0} MB; pages may be at most {MaxBytes / 1024 / 1024} MB. Split it into several pages.");
            }

            // The bytes are only decoded, so they are read into a rented buffer.
            var bytes = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                var read = 0;
                for (int got; read < length && (got = RandomAccess.Read(handle, bytes.AsSpan(read, (int)length - read), read)) > 0;)
                {
                    read += got;
                }

                // An editor that saves in place empties the file and writes it again: one that shrank
                // since its length was read is being saved, an input problem, not a crash (LDN900).
                if (read < length)
                {
                    throw Error(document.Source, 0, "LDN090", "The file was being saved while the site was built; build again (serve rebuilds on the next save).");
                }

                return Check(document.Source, bytes.AsSpan(0, read));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        return Check(document.Source, Encoding.UTF8.GetBytes(document.Text));
    }

    /// <summary>Decodes and checks <paramref name="bytes"/> as a page's text.</summary>
    public static string Check(string source, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw Error(source, 1, "LDN010", $"The page is larger than {MaxBytes / 1024 / 1024} MB. Split it into several pages.");
        }

        var withoutBom = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        string text;
        try
        {
            text = StrictUtf8.GetString(withoutBom);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + withoutBom[..Math.Clamp(e.Index, 0, withoutBom.Length)].Count((byte)'\n');
            throw Error(source, line, "LDN011", "The file is not valid UTF-8 text. Save it as UTF-8 in your editor.");
        }

        CheckNesting(source, text);
        CheckCounts(source, text);
        return text;
    }

    // Counts, for each line, the block quote and list markers and indentation it opens with; a
    // line whose blocks would nest deeper than the limit is refused before Markdig sees it.
    private static void CheckNesting(string source, string text)
    {
        var line = 1;
        var depth = 0;
        var indent = 0;
        var atStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                depth = 0;
                indent = 0;
                atStart = true;
                continue;
            }

            if (!atStart)
            {
                // Only a line's opening characters matter: the rest of it is skipped in one vectorised search.
                var next = text.AsSpan(i).IndexOf('\n');
                i = next < 0 ? text.Length : i + next - 1;
                continue;
            }

            switch (c)
            {
                case ' ':
                    indent++;
                    break;
                case '\t':
                    indent += 4;
                    break;
                case '>':
                    depth++;
                    break;
                case '-' or '*' or '+' when i + 1 < text.Length && text[i + 1] is ' ' or '\t':
                    depth++;
                    break;
                case >= '0' and <= '9':
                    var end = i;
                    while (end < text.Length && char.IsAsciiDigit(text[end]))
                    {
                        end++;
                    }

                    if (end + 1 < text.Length && text[end] is '.' or ')' && text[end + 1] is ' ' or '\t')
                    {
                        depth++;
                        i = end;
                    }
                    else
                    {
                        atStart = false;
                    }

                    break;
                default:
                    atStart = false;
                    break;
            }

            if (depth + (indent / 2) > MaxNesting)
            {
                throw Error(source, line, "LDN012", $"Lists or block quotes nest more than {MaxNesting} levels deep here. Flatten the structure.");
            }
        }
    }

    // Pathologically many headings or raw tags make a small file cost minutes to build.
    private static void CheckCounts(string source, string text)
    {
        int headings = 0, tags = 0;
        // Jumps from one '#' or '<' to the next: the rest of the text cannot count.
        for (var i = text.AsSpan().IndexOfAny('#', '<'); i >= 0; i = NextMark(text, i))
        {
            if (text[i] == '#' && (i == 0 || text[i - 1] == '\n'))
            {
                headings++;
            }
            else if (text[i] == '<' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '/'))
            {
                tags++;
            }
        }

        if (headings > MaxHeadings)
        {
            throw Error(source, 1, "LDN015", $"The page has {headings:N0} headings; a page may have at most {MaxHeadings:N0}. Split it into several pages.");
        }

        if (tags > MaxHtmlTags)
        {
            throw Error(source, 1, "LDN015", $"The page has {tags:N0} raw HTML tags; a page may have at most {MaxHtmlTags:N0}. Write it in Markdown, or split it.");
        }

        // Vectorised counts, one pass each; every autolink Markdig finds starts with one of these.
        var span = text.AsSpan();
        var links = span.Count("](") + span.Count("://") + span.Count("www.") + span.Count("mailto:");
        if (links > MaxLinks)
        {
            throw Error(source, 1, "LDN015", $"The page has {links:N0} links or web addresses; a page may have at most {MaxLinks:N0}. Split it into several pages.");
        }
    }

    private static int NextMark(string text, int at)
    {
        var next = text.AsSpan(at + 1).IndexOfAny('#', '<');
        return next < 0 ? -1 : at + 1 + next;
    }

    private static InputException Error(string source, int line, string code, string message) =>
        new(Diagnostic.Error(source, line, 1, code, message));
}
