namespace LdnSite.Engine.Documents;

using System.Buffers;
using System.Text;

/// <summary>
/// Text held between phases (a page's body HTML from its one parse until it is written, its search
/// entry until the index is built), kept as UTF-8 either plain or compressed (<see cref="PackedBlock"/>),
/// as <see cref="TextPacking"/> chose for the size of the site. Compressed it takes much less
/// memory, which keeps a large build's peak down; on a small site the time to compress and
/// expand buys nothing. The length is kept too, so the text comes back in one allocation of its
/// exact size (no growing buffer, no copy).
/// </summary>
public sealed class PackedText
{
    private readonly byte[] _packed;
    private readonly bool _compressed;

    /// <summary>Packs <paramref name="text"/>.</summary>
    public PackedText(string text, TextPacking packing)
    {
        using var utf8 = RentedUtf8.Of(text);
        (_packed, _compressed, Utf8Length) = (Pack(utf8.Span, packing), packing == TextPacking.Compressed, utf8.Length);
    }

    private PackedText(byte[] packed, TextPacking packing, int utf8Length) => (_packed, _compressed, Utf8Length) = (packed, packing == TextPacking.Compressed, utf8Length);

    /// <summary>Packs the text in <paramref name="text"/>, as <c>new PackedText(text.ToString(), packing)</c> would, without that string.</summary>
    public static PackedText FromChars(StringBuilder text, TextPacking packing)
    {
        using var utf8 = RentedUtf8.Of(text);
        return new PackedText(Pack(utf8.Span, packing), packing, utf8.Length);
    }

    /// <summary>Packs text given as UTF-8 bytes.</summary>
    public static PackedText FromUtf8(ReadOnlySpan<byte> utf8, TextPacking packing) => new(Pack(utf8, packing), packing, utf8.Length);

    /// <summary>The text's length in UTF-8 bytes.</summary>
    public int Utf8Length { get; }

    /// <summary>Packed size in bytes.</summary>
    public int Length => _packed.Length;

    /// <summary>Writes the text as UTF-8 into the first <see cref="Utf8Length"/> bytes of <paramref name="destination"/>.</summary>
    public void CopyUtf8To(Span<byte> destination)
    {
        if (!_compressed)
        {
            _packed.CopyTo(destination);
            return;
        }

        PackedBlock.Expand(_packed, destination[..Utf8Length]);
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
        if (!_compressed)
        {
            return Encoding.UTF8.GetString(_packed);
        }

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

    private static byte[] Pack(ReadOnlySpan<byte> utf8, TextPacking packing) => packing == TextPacking.Compressed ? PackedBlock.Compress(utf8) : utf8.ToArray();
}
