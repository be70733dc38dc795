namespace LdnSite.Tests.Engine;

using LdnSite.Engine.Output;
using LdnSite.Tests.Support;

public sealed class StagedOutputTests
{
    [Fact]
    public void Commit_swaps_in_the_staged_files_and_removes_what_this_build_did_not_write()
    {
        using var temp = new TempFolder();
        temp.Write("site/old.html", "old");
        temp.Write("site.staging/stale/page.html", "left from two builds ago");
        var staged = new StagedOutput(temp["site"], SiteFolders.OutputRules);
        File.WriteAllText(Path.Combine(staged.Staging, "new.html"), "new");
        staged.Commit(new HashSet<string> { "new.html" });

        // The marker lets the next build recognise the folder as its own.
        Assert.Equal([".ldnsite-output", "new.html"], Directory.GetFiles(temp["site"], "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetDirectories(temp["site"]));
        // The previous output becomes the next build's scratch folder.
        Assert.Equal("old", File.ReadAllText(temp["site.staging/old.html"]));
    }

    [Fact]
    public void Commit_keeps_every_written_file_in_new_and_old_folders_and_removes_whole_stale_folders()
    {
        using var temp = new TempFolder();
        temp.Write("site.staging/stale/deeper/page.html", "two builds ago");
        temp.Write("site.staging/stale/page.html", "two builds ago");
        temp.Write("site.staging/mixed/kept.html", "old text");
        temp.Write("site.staging/mixed/gone.html", "two builds ago");
        temp.Write("site.staging/mixed/sub/gone.html", "two builds ago");
        var staged = new StagedOutput(temp["site"], SiteFolders.OutputRules);
        // Written while (or after) the staging folder is listed.
        temp.Write("site.staging/mixed/kept.html", "new text");
        temp.Write("site.staging/fresh/deep/index.html", "new");
        staged.Commit(new HashSet<string> { "mixed/kept.html", "fresh/deep/index.html" });

        Assert.Equal(
            [".ldnsite-output", "fresh/deep/index.html", "mixed/kept.html"],
            Directory.GetFiles(temp["site"], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(temp["site"], f)).Order(StringComparer.Ordinal));
        Assert.Equal(["fresh", "fresh/deep", "mixed"], Directory.GetDirectories(temp["site"], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(temp["site"], f)).Order(StringComparer.Ordinal));
        Assert.Equal("new text", File.ReadAllText(temp["site/mixed/kept.html"]));
    }

    [Fact]
    public void Without_commit_the_previous_output_is_untouched()
    {
        using var temp = new TempFolder();
        temp.Write("site/old.html", "old");
        var staged = new StagedOutput(temp["site"], SiteFolders.OutputRules);
        File.WriteAllText(Path.Combine(staged.Staging, "new.html"), "new");

        Assert.Equal(["old.html"], Directory.GetFiles(temp["site"]).Select(Path.GetFileName));
        Assert.Equal("old", File.ReadAllText(temp["site/old.html"]));
    }

    [Fact]
    public void The_first_commit_creates_the_output()
    {
        using var temp = new TempFolder();
        var staged = new StagedOutput(temp["site"], SiteFolders.OutputRules);
        File.WriteAllText(Path.Combine(staged.Staging, "index.html"), "home");
        staged.Commit(new HashSet<string> { "index.html" });

        Assert.Equal("home", File.ReadAllText(temp["site/index.html"]));
        Assert.False(Directory.Exists(temp["site.staging"]));
    }

    [Fact]
    public async Task Links_in_the_staging_folder_are_removed_before_writing_and_never_followed()
    {
        using var temp = new TempFolder();
        temp.Write("elsewhere/keep.html", "not ours");
        temp.Write("elsewhere/page.html", "not ours either");
        temp.Write("elsewhere/marker", "not ours at all");
        temp.Write("site/old.html", "old");
        Directory.CreateDirectory(temp["site.staging"]);
        Directory.CreateSymbolicLink(temp["site.staging/folder-link"], temp["elsewhere"]);
        File.CreateSymbolicLink(temp["site.staging/page.html"], temp["elsewhere/page.html"]);
        File.CreateSymbolicLink(temp["site.staging/dangling.html"], temp["nowhere.html"]);
        File.CreateSymbolicLink(temp["site.staging/.ldnsite-output"], temp["elsewhere/marker"]);
        var staged = new StagedOutput(temp["site"], SiteFolders.OutputRules);
        await staged.ReadyForWriting;
        // The build writes a page where a link to a file outside was: a file of its own.
        File.WriteAllText(Path.Combine(staged.Staging, "page.html"), "new");
        staged.Commit(new HashSet<string> { "page.html" });

        Assert.Equal([".ldnsite-output", "page.html"], Directory.EnumerateFileSystemEntries(temp["site"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Null(new FileInfo(temp["site/page.html"]).LinkTarget);
        Assert.Null(new FileInfo(temp["site/.ldnsite-output"]).LinkTarget);
        Assert.Equal("new", File.ReadAllText(temp["site/page.html"]));
        Assert.Equal("not ours", File.ReadAllText(temp["elsewhere/keep.html"]));
        Assert.Equal("not ours either", File.ReadAllText(temp["elsewhere/page.html"]));
        Assert.Equal("not ours at all", File.ReadAllText(temp["elsewhere/marker"]));
    }
}
