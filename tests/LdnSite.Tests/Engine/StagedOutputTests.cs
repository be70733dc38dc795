namespace LdnSite.Tests.Engine;

using LdnSite.Engine.Output;
using LdnSite.Tests.Support;

public sealed class StagedOutputTests
{
    [Fact]
    public void Commit_replaces_the_previous_output_whole()
    {
        using var temp = new TempFolder();
        temp.Write("site/old.html", "old");
        using (var staged = new StagedOutput(temp["site"]))
        {
            File.WriteAllText(Path.Combine(staged.Staging, "new.html"), "new");
            staged.Commit();
        }

        Assert.True(File.Exists(temp["site/new.html"]));
        Assert.False(File.Exists(temp["site/old.html"]));
        Assert.Equal(["site"], Directory.GetDirectories(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Without_commit_the_previous_output_is_untouched_and_staging_is_removed()
    {
        using var temp = new TempFolder();
        temp.Write("site/old.html", "old");
        using (var staged = new StagedOutput(temp["site"]))
        {
            File.WriteAllText(Path.Combine(staged.Staging, "new.html"), "new");
        }

        Assert.Equal("old", File.ReadAllText(temp["site/old.html"]));
        Assert.False(File.Exists(temp["site/new.html"]));
        Assert.Equal(["site"], Directory.GetDirectories(temp.Path).Select(Path.GetFileName));
    }
}
