namespace LdnSite.Tests.Safety;

using LdnSite.Content;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Input;
using LdnSite.Markdown.Citations;
using Markdig;
using Markdig.Syntax;

/// <summary>
/// Files that change kind between being listed and being read, and reads that must stay bounded:
/// each is refused where it is opened, never waited on.
/// </summary>
public sealed class SwappedFileTests
{
    [Fact]
    public async Task A_page_swapped_for_a_named_pipe_after_listing_is_refused_at_open()
    {
        using var site = new HostileSite();
        var path = site["input/swapped.md"];
        HostileSite.Mkfifo(path);

        // The listing saw a regular file; by the time it is read, it is a pipe nobody writes to.
        var page = new Document("swapped.md", "", Metadata.Empty, new FileContent(path));
        var read = Task.Run(() => SourceText.Read(page));
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10)));
        if (finished != read)
        {
            // Unblock the reader so the test process can end, then fail.
            await File.WriteAllTextAsync(path, "x");
            Assert.Fail("Reading a named pipe waited for a writer.");
        }

        var error = await Assert.ThrowsAsync<InputException>(() => read);
        Assert.Equal("LDN016", error.Diagnostic.Code);
        Assert.Equal("swapped.md", error.Diagnostic.Path);
    }

    [Fact]
    public async Task A_theme_asset_or_image_swapped_for_a_named_pipe_is_refused_at_open()
    {
        using var site = new HostileSite();
        var path = site["input/chart.png"];
        HostileSite.Mkfifo(path);

        // Copied (images) and read (style sheets, scripts) files are opened the checked way too.
        var copy = Task.Run(() => new FileContent(path).WriteTo(site["copied.png"]));
        var read = Task.Run(() => new FileContent(path).ReadText());
        var both = Task.WhenAll(copy, read);
        if (await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(10))) != both)
        {
            await File.WriteAllTextAsync(path, "x");
            await File.WriteAllTextAsync(path, "x");
            Assert.Fail("Copying or reading a named pipe waited for a writer.");
        }

        await Assert.ThrowsAsync<CheckedFileException>(() => copy);
        await Assert.ThrowsAsync<CheckedFileException>(() => read);
    }

    [Fact]
    public void A_data_file_swapped_for_a_device_is_refused_at_open()
    {
        // Opening checks the open descriptor, not the name: /dev/zero is refused, not read without end.
        var error = Assert.Throws<CheckedFileException>(() => RegularFile.Open("/dev/zero").Dispose());
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_citation_opening_without_a_close_nearby_is_text_not_a_scan_to_the_paragraph_end()
    {
        // '[@' looks ahead for its ']' at most MaxLength characters: further away, it is not a citation.
        var far = "[@smith2007 " + new string('x', CitationInlineParser.MaxLength) + "]";
        var near = "[@smith2007]";
        var pipeline = new Markdig.MarkdownPipelineBuilder().Use<CitationExtension>().Build();
        static bool HasCitation(MarkdownDocument d) => d.Descendants<CitationInline>().Any();
        Assert.True(HasCitation(Markdig.Markdown.Parse(near, pipeline)));
        Assert.False(HasCitation(Markdig.Markdown.Parse(far, pipeline)));
        Assert.DoesNotContain(Markdig.Markdown.Parse(far, pipeline).Descendants<MalformedCitationInline>(), _ => true);
    }
}
