namespace LdnSite.Tests.Engine;

using System.Text;
using LdnSite.Engine.Documents;
using LdnSite.Content;

public sealed class PackedTextTests
{
    // Non-ASCII text (UTF-8 of 2 and 3 bytes), long enough to compress.
    private static readonly string Text = string.Concat(Enumerable.Repeat("Naltrexone – «low dose» 4.5 mg; ", 200));

    [Theory]
    [InlineData(TextPacking.Plain)]
    [InlineData(TextPacking.Compressed)]
    public void Text_comes_back_as_it_went_in_whichever_way_it_was_packed(TextPacking packing)
    {
        var utf8 = Encoding.UTF8.GetBytes(Text);
        foreach (var packed in new[] { new PackedText(Text, packing), PackedText.FromChars(new StringBuilder(Text), packing), PackedText.FromUtf8(utf8, packing) })
        {
            Assert.Equal(Text, packed.ToString());
            Assert.Equal(utf8, packed.ToUtf8());
            Assert.Equal(utf8.Length, packed.Utf8Length);
        }
    }

    [Fact]
    public void Only_compressed_text_is_smaller_than_the_text()
    {
        var utf8Length = Encoding.UTF8.GetByteCount(Text);
        Assert.Equal(utf8Length, new PackedText(Text, TextPacking.Plain).Length);
        Assert.True(new PackedText(Text, TextPacking.Compressed).Length < utf8Length / 10);
    }

    [Fact]
    public void Sites_past_two_thousand_pages_keep_their_text_compressed()
    {
        Assert.Equal(TextPacking.Plain, TextPackingRule.ForSiteOf(1_000));
        Assert.Equal(TextPacking.Plain, TextPackingRule.ForSiteOf(2_000));
        Assert.Equal(TextPacking.Compressed, TextPackingRule.ForSiteOf(2_001));
        Assert.Equal(TextPacking.Compressed, TextPackingRule.ForSiteOf(10_000));
    }

    // Empty text, text that does not compress (LZ4's block is then larger than the text), and a
    // page larger than the reused buffer kept between pages.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(70_000)]
    [InlineData(5_000_000)]
    public void Any_length_and_any_bytes_come_back_compressed(int length)
    {
        var random = new Random(length);
        var text = new string([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x2FF))]);
        var packed = new PackedText(text, TextPacking.Compressed);
        Assert.Equal(text, packed.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(text), packed.ToUtf8());
    }

    [Fact]
    public void A_block_that_expands_to_another_length_is_refused()
    {
        var block = PackedBlock.Compress(Encoding.UTF8.GetBytes(Text));
        Assert.Throws<InvalidDataException>(() => PackedBlock.Expand(block, new byte[10]));
    }
}
