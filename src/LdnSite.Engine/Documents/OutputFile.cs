namespace LdnSite.Engine.Documents;

using System.Text;
using Microsoft.Win32.SafeHandles;

/// <summary>
/// Writes output files the cheap way for a folder that is rewritten build after build: an
/// existing file is overwritten in place and only cut when the new content is shorter, rather
/// than truncated to nothing first (freeing and reallocating every block was a visible share of
/// a build's time), and text is encoded into a pooled buffer rather than a new array per page.
/// </summary>
public static class OutputFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public static void WriteText(string path, string text)
    {
        using var utf8 = RentedUtf8.Of(text);
        WriteBytes(path, utf8.Span);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark, straight from the builder's chunks.</summary>
    public static void WriteText(string path, StringBuilder text)
    {
        using var utf8 = RentedUtf8.Of(text);
        WriteBytes(path, utf8.Span);
    }

    /// <summary>
    /// Writes <paramref name="bytes"/>, cutting the file only when an older one was longer:
    /// File.WriteAllBytes truncates every file it opens, even a new empty one, and on this
    /// machine's disk that truncate was most of the time spent writing 10,000 small files.
    /// </summary>
    public static void WriteBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        RandomAccess.Write(handle, bytes, 0);
        if (RandomAccess.GetLength(handle) > bytes.Length)
        {
            RandomAccess.SetLength(handle, bytes.Length);
        }
    }
}
