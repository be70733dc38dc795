namespace LdnSite.Engine.Documents;

using System.Text;

/// <summary>
/// Text kept as UTF-8 bytes: half the memory of a .NET string for the mostly-ASCII HTML and
/// text a site holds for every page between phases.
/// </summary>
public sealed class CompactText(string text)
{
    private readonly byte[] _utf8 = Encoding.UTF8.GetBytes(text);

    /// <summary>The UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>Size in bytes.</summary>
    public int Length => _utf8.Length;

    /// <summary>The text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_utf8);
}
