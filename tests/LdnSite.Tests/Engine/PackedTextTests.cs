namespace LdnSite.Tests.Engine;

using System.Text;
using LdnSite.Engine.Documents;

public sealed class PackedTextTests
{
    // Non-ASCII text (UTF-8 of 2 and 3 bytes), long enough to compress.
    private static readonly string Text = string.Concat(Enumerable.Repeat("Naltrexone – «low dose» 4.5 mg; ", 200));

    [Theory]
    [InlineData(TextPacking.Plain)]
    [InlineData(TextPacking.Deflated)]
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
    public void Only_deflated_text_is_smaller_than_the_text()
    {
        var utf8Length = Encoding.UTF8.GetByteCount(Text);
        Assert.Equal(utf8Length, new PackedText(Text, TextPacking.Plain).Length);
        Assert.True(new PackedText(Text, TextPacking.Deflated).Length < utf8Length / 10);
    }

    [Fact]
    public void Sites_past_two_thousand_pages_keep_their_text_deflated()
    {
        Assert.Equal(TextPacking.Plain, TextPackingRule.ForSiteOf(1_000));
        Assert.Equal(TextPacking.Plain, TextPackingRule.ForSiteOf(2_000));
        Assert.Equal(TextPacking.Deflated, TextPackingRule.ForSiteOf(2_001));
        Assert.Equal(TextPacking.Deflated, TextPackingRule.ForSiteOf(10_000));
    }
}
