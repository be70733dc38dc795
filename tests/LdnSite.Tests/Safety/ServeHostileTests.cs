namespace LdnSite.Tests.Safety;

using LdnSite.Engine.Pipelines;
using LdnSite.Tests.Support;

/// <summary>
/// The dev server against a hostile or changing folder: what its rebuilds write in place, and
/// what it notices. Real Kestrel, real file watching, as a writer runs it.
/// </summary>
public sealed class ServeHostileTests : IAsyncLifetime
{
    private ServedSite _site = null!;

    private TempFolder _temp => _site.Folder;

    public async Task InitializeAsync() => _site = await ServedSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private Task<BuildResult> NextBuildAsync() => _site.NextBuildAsync();

    private void EditSafety() =>
        _site.Edit("safety.md", text => text.Replace("## Common side effects", "## Common side effects, edited {#common-side-effects}", StringComparison.Ordinal));

    [Fact]
    public async Task A_rebuild_replaces_a_link_planted_in_the_output_instead_of_writing_through_it()
    {
        _temp.Write("victim.txt", "precious");
        var page = _temp["output/safety/index.html"];
        File.Delete(page);
        File.CreateSymbolicLink(page, _temp["victim.txt"]);

        var built = NextBuildAsync();
        EditSafety();
        Assert.True((await built).Succeeded);

        Assert.Equal("precious", File.ReadAllText(_temp["victim.txt"]));
        Assert.Null(new FileInfo(page).LinkTarget);
        Assert.Contains("Common side effects, edited", File.ReadAllText(page));
    }

    [Fact]
    public async Task A_page_being_read_during_a_rebuild_is_read_whole_as_it_was()
    {
        // A reader that opened the page before the rebuild (the server sending it) must get the
        // old page whole, not the new one written over it part way through.
        var page = _temp["output/safety/index.html"];
        var before = File.ReadAllBytes(page);
        using var reading = new FileStream(page, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        var built = _site.BuildWhereAsync(() => File.ReadAllText(page).Contains("Common side effects, edited", StringComparison.Ordinal));
        EditSafety();
        Assert.True((await built).Succeeded);

        var read = new MemoryStream();
        await reading.CopyToAsync(read);
        Assert.Equal(before, read.ToArray());
        Assert.Contains("Common side effects, edited", File.ReadAllText(page));
    }

    [Fact]
    public async Task Deleting_the_input_folder_is_reported_and_creating_it_again_rebuilds()
    {
        var input = _temp["input"];
        var saved = _temp["saved-input"];
        Directory.Move(input, saved);
        var gone = await NextBuildAsync();
        Assert.Contains(gone.Diagnostics, d => d.Code == "LDN101");

        var back = NextBuildAsync();
        Directory.Move(saved, input);
        var result = await back;
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        // And it keeps watching the folder that came back.
        var edited = NextBuildAsync();
        EditSafety();
        Assert.True((await edited).Succeeded);
        Assert.Contains("Common side effects, edited", File.ReadAllText(_temp["output/safety/index.html"]));
    }
}
