namespace LdnSite.Engine.Documents;

using K4os.Compression.LZ4;

/// <summary>
/// Compresses bytes held in memory between phases as one LZ4 block at its fastest level. Chosen
/// over deflate because it packs and unpacks several times faster for nearly the same size (the
/// benchmark's record, RECORD.md, has the numbers). The blocks never leave the process, so the format is free to change; the caller keeps the unpacked
/// length, which LZ4 blocks do not record.
/// </summary>
public static class PackedBlock
{
    [ThreadStatic]
    private static byte[]? t_buffer;

    /// <summary><paramref name="bytes"/> compressed, in an array of exactly the compressed size.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> bytes)
    {
        var needed = LZ4Codec.MaximumOutputSize(bytes.Length);
        var buffer = t_buffer is { } reused && reused.Length >= needed ? reused : new byte[Math.Max(needed, 64 * 1024)];
        var length = LZ4Codec.Encode(bytes, buffer, LZ4Level.L00_FAST);
        if (length < 0)
        {
            throw new InvalidOperationException("LZ4 could not pack a block into its own worst-case size.");
        }

        // One huge page should not pin a huge buffer for the rest of the build (the thread keeps its usual one).
        t_buffer = buffer.Length <= 4 * 1024 * 1024 ? buffer : t_buffer;
        return buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>Expands <paramref name="packed"/> into <paramref name="destination"/>, which must be exactly its unpacked length.</summary>
    public static void Expand(ReadOnlySpan<byte> packed, Span<byte> destination)
    {
        if (LZ4Codec.Decode(packed, destination) != destination.Length)
        {
            throw new InvalidDataException("A packed block did not expand to its recorded length.");
        }
    }
}
