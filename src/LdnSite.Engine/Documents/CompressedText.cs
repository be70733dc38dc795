namespace LdnSite.Engine.Documents;

using System.Buffers;
using System.IO.Compression;
using System.Text;

/// <summary>
/// Text kept compressed (deflate, fastest level) between phases: every page's body HTML is held
/// from the one parse until the page is written, and compressed it takes a fifth of the memory,
/// which keeps a 10,000-page build's peak down for a small cost in time. The length is kept too,
/// so the text comes back in one allocation of its exact size (no growing buffer, no copy).
/// </summary>
public sealed class CompressedText
{
    private readonly byte[] _deflated;

    [ThreadStatic]
    private static MemoryStream? t_output;

    /// <summary>Compresses <paramref name="text"/>.</summary>
    public CompressedText(string text)
    {
        using var utf8 = RentedUtf8.Of(text);
        (_deflated, Utf8Length) = (Deflate(utf8.Span), utf8.Length);
    }

    private CompressedText(byte[] deflated, int utf8Length) => (_deflated, Utf8Length) = (deflated, utf8Length);

    /// <summary>Compresses the text in <paramref name="text"/>, as <c>new CompressedText(text.ToString())</c> would, without that string.</summary>
    public static CompressedText FromChars(StringBuilder text)
    {
        using var utf8 = RentedUtf8.Of(text);
        return new CompressedText(Deflate(utf8.Span), utf8.Length);
    }

    /// <summary>Compresses text given as UTF-8 bytes.</summary>
    public static CompressedText FromUtf8(ReadOnlySpan<byte> utf8) => new(Deflate(utf8), utf8.Length);

    /// <summary>The text's length in UTF-8 bytes.</summary>
    public int Utf8Length { get; }

    /// <summary>Compressed size in bytes.</summary>
    public int Length => _deflated.Length;

    /// <summary>Writes the text as UTF-8 into the first <see cref="Utf8Length"/> bytes of <paramref name="destination"/>.</summary>
    public void CopyUtf8To(Span<byte> destination)
    {
        using var deflate = new DeflateStream(new MemoryStream(_deflated, writable: false), CompressionMode.Decompress);
        deflate.ReadExactly(destination[..Utf8Length]);
    }

    /// <summary>The text as UTF-8 bytes.</summary>
    public byte[] ToUtf8()
    {
        var bytes = new byte[Utf8Length];
        CopyUtf8To(bytes);
        return bytes;
    }

    /// <summary>The text.</summary>
    public override string ToString()
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Math.Max(1, Utf8Length));
        try
        {
            CopyUtf8To(utf8);
            return Encoding.UTF8.GetString(utf8, 0, Utf8Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    // Deflated into this thread's reused buffer, then copied out at its final size.
    private static byte[] Deflate(ReadOnlySpan<byte> utf8)
    {
        var output = t_output ??= new MemoryStream(64 * 1024);
        output.SetLength(0);
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(utf8);
        }

        var deflated = output.ToArray();
        if (output.Capacity > 4 * 1024 * 1024)
        {
            // One huge page should not pin a huge buffer for the rest of the build.
            output.SetLength(0);
            output.Capacity = 64 * 1024;
        }

        return deflated;
    }
}
