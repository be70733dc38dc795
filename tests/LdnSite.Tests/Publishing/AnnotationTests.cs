namespace LdnSite.Tests.Publishing;

using System.Diagnostics;
using LdnSite.Tests.Support;

/// <summary>Under GitHub Actions a build error is also a workflow command that annotates the changed line.</summary>
public sealed class AnnotationTests
{
    [Fact]
    public async Task A_build_error_under_github_actions_prints_an_error_annotation_with_the_repository_path()
    {
        using var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        temp.Write("input/safety.md", TestSites.Page("Safety", "A claim [@nobody2020]."));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = temp.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "exec", typeof(LdnSite.Cli.LdnSiteApp).Assembly.Location, "build", "--input", "input", "--output", "output", "--theme", RepositoryPaths.Theme })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GITHUB_ACTIONS"] = "true";
        using var build = Process.Start(start)!;
        var reading = build.StandardOutput.ReadToEndAsync();
        var error = await build.StandardError.ReadToEndAsync();
        var output = await reading;
        await build.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, build.ExitCode);
        Assert.Contains("::error file=input/safety.md,line=6,col=9,title=LDN030::Unknown citation key '@nobody2020'", output);
        Assert.Contains("input/safety.md(6,9): error LDN030", error);
        Assert.DoesNotContain("   at ", error + output); // no stack trace
    }
}
