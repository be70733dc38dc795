namespace LdnSite.Tests.Engine;

using LdnSite.Engine.Input;
using LdnSite.Tests.Support;
using LdnSite.Build;

/// <summary>
/// A dev server's rebuild reuses folder listings and file stamps its watcher saw no change to.
/// These pin what the journal's reports do: the paths it names are looked at again, a lost
/// watcher makes the build trust nothing, and without a journal nothing is remembered.
/// </summary>
public sealed class FileSystemViewTests
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_rebuild_sees_exactly_the_changes_the_journal_names()
    {
        using var temp = new TempFolder();
        var (build, journal) = WatchedSite(temp);
        Assert.True((await build.RunAsync()).Succeeded);

        // Edited and dated in the past (so keyed by its stamp), but not reported: the remembered
        // stamp stands, and the page stays as it was. This is what the journal saves a rebuild.
        Edit(temp["input/safety.md"], "Second text.");
        Assert.True((await build.RunAsync()).Succeeded);
        Assert.Contains("First text.", File.ReadAllText(temp["output/safety/index.html"]), StringComparison.Ordinal);

        // Reported: stat'ed again, and rebuilt.
        journal.Changed(temp["input/safety.md"]);
        Assert.True((await build.RunAsync()).Succeeded);
        Assert.Contains("Second text.", File.ReadAllText(temp["output/safety/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_with_the_dev_servers_watcher_sees_a_save()
    {
        using var temp = new TempFolder();
        TwoPages(temp);
        using var watcher = new LdnSite.Serve.SourceWatcher(temp["input"]);
        var build = new SiteBuild(TestSites.Settings(temp["input"], temp["output"]), incremental: true);
        build.Watch(watcher.Journal);
        Assert.True((await build.RunAsync()).Succeeded);

        File.AppendAllText(temp["input/safety.md"], "\nSaved just now.\n");
        await watcher.NextChangeAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        Assert.True((await build.RunAsync()).Succeeded);

        Assert.Contains("Saved just now.", File.ReadAllText(temp["output/safety/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_page_or_a_stray_file_named_by_the_journal_is_listed()
    {
        using var temp = new TempFolder();
        var (build, journal) = WatchedSite(temp);
        Assert.True((await build.RunAsync()).Succeeded);

        temp.Write("input/dosing.md", TestSites.Page("Dosing", "New page."));
        temp.Write("input/.env", "SECRET=1");
        journal.Changed(temp["input/dosing.md"]);
        journal.Changed(temp["input/.env"]);
        var result = await build.RunAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(File.Exists(temp["output/dosing/index.html"]));
        Assert.Contains(result.Diagnostics, d => d.Code == "LDN080" && d.Path.EndsWith(".env", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deleted_page_named_by_the_journal_is_gone_and_an_editors_vanished_temporary_file_changes_nothing()
    {
        using var temp = new TempFolder();
        var (build, journal) = WatchedSite(temp);
        Assert.True((await build.RunAsync()).Succeeded);

        File.Delete(temp["input/safety.md"]);
        journal.Changed(temp["input/safety.md"]);
        // A save through a temporary file: written, then renamed away before the build looks.
        journal.Changed(temp["input/.index.md.swp"]);
        var result = await build.RunAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False(File.Exists(temp["output/safety/index.html"]));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "LDN080");
    }

    [Fact]
    public async Task A_folder_replaced_under_the_same_name_is_listed_and_stat_ed_again()
    {
        using var temp = new TempFolder();
        var (build, journal) = WatchedSite(temp);
        temp.Write("input/guides/dosing.md", TestSites.Page("Dosing", "Old folder."));
        Date(temp["input"]);
        Assert.True((await build.RunAsync()).Succeeded);

        // Moved away and replaced by another folder of the same name: the watcher names only the folder.
        Directory.Move(temp["input/guides"], temp["elsewhere"]);
        temp.Write("input/guides/tapering.md", TestSites.Page("Tapering", "New folder."));
        Date(temp["input"]);
        journal.Changed(temp["input/guides"]);
        Assert.True((await build.RunAsync()).Succeeded);
        Assert.True(File.Exists(temp["output/guides/tapering/index.html"]));
        Assert.False(File.Exists(temp["output/guides/dosing/index.html"]));

        // Moved back after its page was edited: the page's remembered stamp must not stand.
        Directory.Move(temp["input/guides"], temp["newer"]);
        Directory.Move(temp["elsewhere"], temp["input/guides"]);
        Edit(temp["input/guides/dosing.md"], "Edit while away.");
        journal.Changed(temp["input/guides"]);
        Assert.True((await build.RunAsync()).Succeeded);
        Assert.Contains("Edit while away.", File.ReadAllText(temp["output/guides/dosing/index.html"]), StringComparison.Ordinal);

        // Moved away with nothing in its place: its pages are gone.
        Directory.Move(temp["input/guides"], temp["gone"]);
        journal.Changed(temp["input/guides"]);
        Assert.True((await build.RunAsync()).Succeeded);
        Assert.False(File.Exists(temp["output/guides/dosing/index.html"]));
    }

    [Fact]
    public async Task A_file_passed_over_with_a_warning_and_then_deleted_takes_its_warning_with_it()
    {
        using var temp = new TempFolder();
        var (build, journal) = WatchedSite(temp);
        temp.Write("input/notes.md.bak", "an editor's backup");
        Assert.Contains((await build.RunAsync()).Diagnostics, d => d.Code == "LDN080");

        File.Delete(temp["input/notes.md.bak"]);
        journal.Changed(temp["input/notes.md.bak"]);
        var result = await build.RunAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "LDN080");
    }

    [Fact]
    public async Task A_watcher_that_lost_events_makes_the_next_rebuild_look_at_everything()
    {
        using var temp = new TempFolder();
        var (build, journal) = WatchedSite(temp);
        Assert.True((await build.RunAsync()).Succeeded);

        Edit(temp["input/safety.md"], "Second text.");
        temp.Write("input/dosing.md", TestSites.Page("Dosing", "New page."));
        journal.Lost();
        Assert.True((await build.RunAsync()).Succeeded);

        Assert.Contains("Second text.", File.ReadAllText(temp["output/safety/index.html"]), StringComparison.Ordinal);
        Assert.True(File.Exists(temp["output/dosing/index.html"]));
    }

    [Fact]
    public async Task Without_a_journal_every_rebuild_looks_at_the_files_again()
    {
        using var temp = new TempFolder();
        TwoPages(temp);
        var build = new SiteBuild(TestSites.Settings(temp["input"], temp["output"]), incremental: true);
        Assert.True((await build.RunAsync()).Succeeded);

        Edit(temp["input/safety.md"], "Second text.");
        Assert.True((await build.RunAsync()).Succeeded);

        Assert.Contains("Second text.", File.ReadAllText(temp["output/safety/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_listing_is_affected_only_by_changes_that_could_alter_it()
    {
        using var temp = new TempFolder();
        var page = temp.Write("input/a/page.md", "x");
        var listing = new Listing(temp["input"], [], [], new HashSet<string> { page }, new HashSet<string> { temp["input"], temp["input/a"] }, PassedThroughLink: false,
            Considers: path => path.EndsWith(".md", StringComparison.Ordinal), Skipped: new HashSet<string> { temp["input/.git"] });

        Assert.False(listing.AffectedBy(page)); // its text changed: still listed the same
        Assert.True(listing.AffectedBy(temp["input/a"])); // a read folder named itself: created, moved or replaced
        Assert.True(listing.AffectedBy(temp["input/.git/index"])); // under a path passed over with a warning
        Assert.False(listing.AffectedBy(temp["input/gone.tmp"])); // nothing there now
        Assert.False(listing.AffectedBy(temp["elsewhere/x.md"]));
        Assert.True(listing.AffectedBy(temp.Path)); // a folder above the root
        temp.Write("input/a/new.md", "y");
        Assert.True(listing.AffectedBy(temp["input/a/new.md"]));
        temp.Write("input/a/chart.png", "z");
        Assert.False(listing.AffectedBy(temp["input/a/chart.png"])); // a file this listing would not hold
        Directory.CreateDirectory(temp["input/b"]);
        Assert.True(listing.AffectedBy(temp["input/b"])); // a new folder may hold anything
        File.Delete(page);
        Assert.True(listing.AffectedBy(page));
    }

    private static (SiteBuild Build, ChangeJournal Journal) WatchedSite(TempFolder temp)
    {
        TwoPages(temp);
        var journal = new ChangeJournal(temp["input"]);
        var build = new SiteBuild(TestSites.Settings(temp["input"], temp["output"]), incremental: true);
        build.Watch(journal);
        return (build, journal);
    }

    // A home page and a safety page, dated in the past so their stamps are what keys them.
    private static void TwoPages(TempFolder temp)
    {
        temp.Write("input/index.md", TestSites.Page("Home"));
        temp.Write("input/safety.md", TestSites.Page("Safety", "First text."));
        Date(temp["input"]);
    }

    // Same length, dated in the past: only a fresh stat tells the edit apart by its time.
    private static void Edit(string path, string text)
    {
        File.WriteAllText(path, TestSites.Page("Safety", text));
        File.SetLastWriteTimeUtc(path, LongAgo.AddHours(1));
    }

    private static void Date(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }
    }
}
