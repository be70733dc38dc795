namespace LdnSite.Tests.Contributors;

using System.CommandLine;
using LdnSite.Cli;
using LdnSite.Engine.Diagnostics;
using LdnSite.Tests.Safety;
using LdnSite.Build;

/// <summary><c>ldnsite new</c>: a page that builds at once, in its menu, and never an overwrite.</summary>
public sealed class NewCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> NewAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await LdnSiteApp.Create().Parse(["new", .. arguments]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_new_page_in_a_section_builds_without_warnings_and_joins_the_sections_menu()
    {
        using var site = new HostileSite();
        site.Write("input/conditions.md", "---\ntitle: Conditions studied\nnav_title: Conditions\ndescription: Which conditions LDN was studied in.\norder: 50\n---\n\nText [@smith2007].\n");
        var (exitCode, output, _) = await NewAsync("conditions/sleep", "--title", "Sleep problems and low dose naltrexone", "--description", "What is known about LDN and sleep.", "--input", site["input"]);
        Assert.Equal(0, exitCode);
        Assert.Contains("Created", output);

        var text = File.ReadAllText(site["input/conditions/sleep.md"]);
        Assert.Contains("title: 'Sleep problems and low dose naltrexone'", text);
        Assert.Contains("nav_title: 'Sleep problems'", text); // short enough for a menu, and not cut off at 'and'
        Assert.Contains("order: 10", text);
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Warning);

        // The section's page (conditions.md beside the folder) lists it, and it reads next after it.
        var conditions = File.ReadAllText(site["output/conditions/index.html"]);
        Assert.Contains("href=\"sleep/\"", conditions);
        Assert.Contains(">Sleep problems<", conditions);
        Assert.True(File.Exists(site["output/conditions/sleep/index.html"]));
    }

    [Fact]
    public async Task New_refuses_to_overwrite_a_page_or_take_its_address()
    {
        using var site = new HostileSite();
        var before = File.ReadAllText(site["input/safety.md"]);
        var (exitCode, _, error) = await NewAsync("safety", "--title", "Again", "--input", site["input"]);
        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", error);
        Assert.Equal(before, File.ReadAllText(site["input/safety.md"]));

        (exitCode, _, error) = await NewAsync("safety/index", "--title", "Same address", "--input", site["input"]);
        Assert.Equal(1, exitCode);
        Assert.False(File.Exists(site["input/safety/index.md"]));
    }

    [Fact]
    public async Task A_name_that_is_not_a_clean_address_is_refused()
    {
        using var site = new HostileSite();
        var (exitCode, _, error) = await NewAsync("../escape", "--title", "X", "--input", site["input"]);
        Assert.Equal(1, exitCode);
        Assert.Contains("LDN009", error);
        Assert.False(File.Exists(site["escape.md"]));
    }

    [Fact]
    public async Task Without_a_description_the_placeholder_warns_and_strict_refuses_it()
    {
        using var site = new HostileSite();
        Assert.Equal(0, (await NewAsync("sleep", "--title", "Sleep", "--input", site["input"])).ExitCode);
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.Contains(result.Diagnostics, d => d is { Code: "LDN008", Severity: Severity.Warning, Path: "sleep.md" });
        var strict = await new SiteBuild(site.Settings with { Strict = true }).RunAsync();
        Assert.Contains(strict.Diagnostics, d => d is { Code: "LDN008", Severity: Severity.Error });
    }

    // Second sweep: the neighbours 'new' reads for the next menu place are hostile until checked.
    [Fact]
    public async Task New_passes_over_a_named_pipe_among_the_pages_instead_of_waiting_on_it()
    {
        using var site = new HostileSite();
        HostileSite.Mkfifo(site["input/pipe.md"]);

        var run = NewAsync("sleep", "--title", "Sleep", "--input", site["input"]);
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20))) != run)
        {
            await File.WriteAllTextAsync(site["input/pipe.md"], "x"); // let the waiting reader go
            Assert.Fail("'new' waited on a named pipe.");
        }

        Assert.Equal(0, (await run).ExitCode);
        Assert.True(File.Exists(site["input/sleep.md"]));
    }

    [Fact]
    public async Task New_does_not_read_a_page_linked_to_dev_zero()
    {
        using var site = new HostileSite();
        File.CreateSymbolicLink(site["input/zero.md"], "/dev/zero");
        var (exitCode, _, _) = await NewAsync("sleep", "--title", "Sleep", "--input", site["input"]);
        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(site["input/sleep.md"]));
    }

    [Fact]
    public async Task A_neighbour_at_the_largest_order_does_not_make_the_new_order_negative()
    {
        using var site = new HostileSite();
        site.Write("input/last.md", "---\ntitle: Last\ndescription: The last page.\norder: 2147483647\n---\n\nText [@smith2007].\n");
        var (exitCode, _, _) = await NewAsync("sleep", "--title", "Sleep", "--input", site["input"]);
        Assert.Equal(0, exitCode);
        Assert.Contains("order: 2147483647", File.ReadAllText(site["input/sleep.md"]));
    }

    [Theory]
    [InlineData("Sleep and LDN", "Sleep and LDN")]
    [InlineData("Chronic hiccups and low dose naltrexone", "Chronic hiccups")]
    [InlineData("Treatment of the immune system", "Treatment")]
    [InlineData("Fibromyalgia: what the studies found", "Fibromyalgia")]
    [InlineData("Multiple sclerosis and fatigue", "Multiple sclerosis")]
    [InlineData("Dosing for children with Crohn's disease", "Dosing for children")]
    [InlineData("Extraordinarilylongsingleword and more", "Extraordinarilylongsingleword")]
    public void The_menu_title_is_short_and_never_ends_on_a_joining_word(string title, string navTitle)
    {
        Assert.Equal(navTitle, NewCommand.NavTitle(title));
    }
}
