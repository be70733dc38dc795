namespace LdnSite.Tests.Engine;

using System.Text;
using LdnSite.Engine.Output;
using LdnSite.Tests.Support;
using LdnSite.Engine.Documents;

public sealed class OutputFileTests
{
    [Fact]
    public void A_builder_in_many_chunks_is_written_as_the_UTF8_of_its_text_even_with_a_pair_split_between_chunks()
    {
        // Appends of 1 to 7 characters each grow the builder chunk by chunk; an emoji (a surrogate
        // pair) after every 5 characters puts some pairs across a chunk boundary.
        var builder = new StringBuilder(16);
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append(i % 5 == 0 ? "😀" : new string((char)('a' + (i % 26)), 1 + (i % 7)));
        }

        var chunks = 0;
        foreach (var _ in builder.GetChunks())
        {
            chunks++;
        }

        Assert.True(chunks > 1);
        using var temp = new TempFolder();
        var path = temp["page.html"];
        File.WriteAllText(path, new string('x', 500_000)); // a longer old file is cut to the new length
        OutputFile.WriteText(path, builder);
        Assert.Equal(new UTF8Encoding(false).GetBytes(builder.ToString()), File.ReadAllBytes(path));
    }
}
