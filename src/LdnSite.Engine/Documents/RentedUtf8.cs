namespace LdnSite.Engine.Documents;

using System.Buffers;
using System.Text;

/// <summary>
/// A text's UTF-8 bytes (no byte-order mark) in a pooled buffer, handed back on Dispose: writing
/// a page or compressing it needs the bytes only for a moment, not a new array per page. A
/// builder is encoded straight from its chunks, so it never becomes one string first.
/// </summary>
public readonly struct RentedUtf8 : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly byte[] _buffer;

    private RentedUtf8(byte[] buffer, int length) => (_buffer, Length) = (buffer, length);

    /// <summary>How many bytes the text takes.</summary>
    public int Length { get; }

    /// <summary>The bytes.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>Encodes <paramref name="text"/>.</summary>
    public static RentedUtf8 Of(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        return new RentedUtf8(buffer, Utf8.GetBytes(text, buffer));
    }

    /// <summary>Encodes <paramref name="text"/> chunk by chunk, with the same bytes as its string would give.</summary>
    public static RentedUtf8 Of(StringBuilder text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        // One encoder across chunks, so a surrogate pair split between two chunks is one character.
        var encoder = Utf8.GetEncoder();
        var length = 0;
        foreach (var chunk in text.GetChunks())
        {
            length += encoder.GetBytes(chunk.Span, buffer.AsSpan(length), flush: false);
        }

        length += encoder.GetBytes([], buffer.AsSpan(length), flush: true);
        return new RentedUtf8(buffer, length);
    }

    /// <inheritdoc />
    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
