namespace LdnSite.Engine.Documents;

using System.Text;

/// <summary>
/// Text kept as UTF-8 bytes: half the memory of a .NET string for the mostly-ASCII HTML and
/// text a site holds for every page between phases.
/// </summary>
public sealed class CompactText
{
    private readonly byte[] _utf8;

    /// <summary>Holds <paramref name="text"/> as UTF-8.</summary>
    public CompactText(string text) => _utf8 = Encoding.UTF8.GetBytes(text);

    private CompactText(byte[] utf8) => _utf8 = utf8;

    /// <summary>Takes bytes that are already UTF-8 (a serialiser's output) without decoding them.</summary>
    public static CompactText FromUtf8(ReadOnlySpan<byte> utf8) => new(utf8.ToArray());

    /// <summary>The UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>Size in bytes.</summary>
    public int Length => _utf8.Length;

    /// <summary>The text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_utf8);
}
