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

    /// <summary>
    /// Writes a file that may be read while it is written (a page the dev server is serving):
    /// into a new file of a random name beside it, then renamed over it. A reader gets the old
    /// file or the new one, never half of one, and a symbolic link someone left at
    /// <paramref name="path"/> is replaced, not written through.
    /// </summary>
    public static void Replace(string path, Action<string> write)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            // Created new: a name that exists (a link planted under it) is an error, not a target.
            using (File.Open(temporary, FileMode.CreateNew, FileAccess.Write))
            {
            }

            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
