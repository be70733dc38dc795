namespace LdnSite.Tests.Contributors;

using System.Diagnostics;
using LdnSite.Content;
using LdnSite.Tests.Safety;
using LdnSite.Tests.Support;
using LdnSite.Urls;
using LdnSite.Build;

/// <summary>"Edit this page" links and last-updated dates from git.</summary>
public sealed class EditLinkAndHistoryTests
{
    [Theory]
    [InlineData("git@github.com:owner/ldnsite.git", "https://github.com/owner/ldnsite")]
    [InlineData("https://github.com/owner/ldnsite.git", "https://github.com/owner/ldnsite")]
    [InlineData("https://github.com/owner/ldnsite", "https://github.com/owner/ldnsite")]
    [InlineData("/work/main", null)]
    [InlineData("javascript:alert(1)", null)]
    public void Remote_addresses_become_https_web_addresses_or_nothing(string remote, string? web) =>
        Assert.Equal(web, RepositoryLinks.WebUrlOf(remote));

    [Fact]
    public async Task Every_page_links_to_its_own_source_file_to_edit()
    {
        using var site = new HostileSite();
        site.Write("input/conditions/crohns.md", TestSites.Page("Crohn's", "Text [@smith2007]."));
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded);
        Assert.Contains("href=\"https://github.com/example/ldnsite/edit/main/input/safety.md\"", File.ReadAllText(site["output/safety/index.html"]));
        Assert.Contains("href=\"https://github.com/example/ldnsite/edit/main/input/conditions/crohns.md\"", File.ReadAllText(site["output/conditions/crohns/index.html"]));
        Assert.Equal("https://github.com/o/r/edit/my%20branch/input/a.md", new RepositoryLinks("https://github.com/o/r", "my branch", "input").EditUrl("a.md"));
    }

    [Fact]
    public async Task The_references_and_glossary_pages_link_to_the_data_file_they_show()
    {
        using var site = new HostileSite();
        site.Write("input/_data/glossary.yaml", "- term: Placebo\n  definition: A dummy treatment.\n");
        site.Write("input/references.md", TestSites.Page("References", "Every source.", "layout: references\nnonmedical: true\n"));
        site.Write("input/glossary.md", TestSites.Page("Glossary", "Every term.", "layout: glossary\nnonmedical: true\n"));
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        Assert.Contains("href=\"https://github.com/example/ldnsite/edit/main/input/_data/references.yaml\"", File.ReadAllText(site["output/references/index.html"]));
        Assert.Contains("href=\"https://github.com/example/ldnsite/edit/main/input/_data/glossary.yaml\"", File.ReadAllText(site["output/glossary/index.html"]));
    }

    [Fact]
    public async Task Last_updated_is_the_date_of_the_last_commit_to_the_file()
    {
        using var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        temp.Write("input/safety.md", TestSites.Page("Safety"));
        Git(temp.Path, null, "init", "-q");
        Git(temp.Path, null, "add", ".");
        Git(temp.Path, "2026-01-02T10:00:00Z", "commit", "-q", "-m", "first");
        temp.Write("input/safety.md", TestSites.Page("Safety", "Changed."));
        Git(temp.Path, "2026-03-04T10:00:00Z", "commit", "-q", "-am", "second");

        var dates = GitHistory.LastChanged(temp.Path, temp["input"]);
        Assert.Equal(new DateOnly(2026, 1, 2), dates["index.md"]);
        Assert.Equal(new DateOnly(2026, 3, 4), dates["safety.md"]);

        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]) with { LastChanged = dates });
        Assert.True(result.Succeeded);
        Assert.Contains("Last updated <time datetime=\"2026-03-04\">4 March 2026</time>", File.ReadAllText(temp["output/safety/index.html"]));
    }

    [Fact]
    public void Outside_a_repository_there_are_no_dates()
    {
        using var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        Assert.Empty(GitHistory.LastChanged(temp.Path, temp["input"]));
        Assert.Empty(GitHistory.LastChanged(null, temp["input"]));
    }

    [Fact]
    public void A_repository_inside_the_content_folder_is_never_asked()
    {
        // The checkout's history is read; the content's own .git, whose configuration would run
        // a program to show a commit's signature, is never opened.
        using var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        Git(temp.Path, null, "init", "-q");
        Git(temp.Path, null, "add", ".");
        Git(temp.Path, "2026-01-02T10:00:00Z", "commit", "-q", "-m", "first");
        var ran = HostileRepository(temp, temp["input"]);

        var dates = GitHistory.LastChanged(temp.Path, temp["input"]);

        Assert.False(File.Exists(ran), "git ran the content folder's gpg.program");
        Assert.Equal(new DateOnly(2026, 1, 2), Assert.Single(dates).Value);
    }

    [Fact]
    public void Content_outside_the_checkout_is_not_asked_even_with_a_repository_around_it()
    {
        using var checkout = new TempFolder();
        using var content = new TempFolder();
        content.Write("input/index.md", TestSites.Page("Home"));
        var ran = HostileRepository(content, content.Path);

        Assert.Empty(GitHistory.LastChanged(checkout.Path, content["input"]));
        Assert.Empty(GitHistory.LastChanged(null, content["input"]));
        Assert.False(File.Exists(ran), "git ran the content's gpg.program");
    }

    [Fact]
    public void The_checkouts_own_configuration_cannot_start_a_program_either()
    {
        using var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        var ran = HostileRepository(temp, temp.Path);

        var dates = GitHistory.LastChanged(temp.Path, temp["input"]);

        Assert.False(File.Exists(ran), "git ran the repository's gpg.program");
        Assert.Equal(new DateOnly(2026, 5, 6), Assert.Single(dates).Value);
    }

    /// <summary>
    /// Makes <paramref name="folder"/> a repository whose one commit is signed and whose
    /// configuration shows signatures with a program that leaves a file behind when run;
    /// returns that file's path.
    /// </summary>
    private static string HostileRepository(TempFolder temp, string folder)
    {
        var ran = temp["ran-gpg"];
        var gpg = temp["fake-gpg.sh"];
        temp.Write("fake-gpg.sh", $"#!/bin/sh\ncat >/dev/null\ntouch '{ran}'\nprintf '\\n[GNUPG:] SIG_CREATED D 1 8 00 1 X\\n' >&2\nprintf -- '-----BEGIN PGP SIGNATURE-----\\nx\\n-----END PGP SIGNATURE-----\\n'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(gpg, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Git(folder, null, "init", "-q");
        Git(folder, null, "config", "gpg.program", gpg);
        Git(folder, null, "config", "log.showSignature", "true");
        Git(folder, null, "config", "user.signingkey", "x");
        Git(folder, null, "add", ".");
        Git(folder, "2026-05-06T10:00:00Z", "commit", "-q", "-S", "-m", "signed");
        File.Delete(ran);
        return ran;
    }

    private static void Git(string folder, string? date, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_AUTHOR_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = "test@example.org";
        start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.org";
        if (date is not null)
        {
            start.Environment["GIT_AUTHOR_DATE"] = date;
            start.Environment["GIT_COMMITTER_DATE"] = date;
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, error);
    }
}
