namespace LdnSite.Engine.Output;

using System.Buffers;
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
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark.</summary>
    public static void WriteText(string path, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            var length = Utf8.GetBytes(text, buffer);
            WriteBytes(path, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark, straight from the builder's chunks.</summary>
    public static void WriteText(string path, StringBuilder text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            var encoder = Utf8.GetEncoder();
            var length = 0;
            foreach (var chunk in text.GetChunks())
            {
                length += encoder.GetBytes(chunk.Span, buffer.AsSpan(length), flush: false);
            }

            length += encoder.GetBytes([], buffer.AsSpan(length), flush: true);
            WriteBytes(path, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
