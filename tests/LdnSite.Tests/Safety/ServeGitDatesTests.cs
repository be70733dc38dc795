namespace LdnSite.Tests.Safety;

using LdnSite.Engine.Pipelines;
using LdnSite.Serve;
using LdnSite.Tests.Support;

/// <summary>"Last updated" dates under the dev server follow commits made while it runs.</summary>
public sealed class ServeGitDatesTests
{
    [Fact]
    public async Task A_commit_while_serving_gives_pages_their_new_last_updated_date()
    {
        using var temp = new TempFolder();
        var input = temp.CopyFrom(RepositoryPaths.Input, "input");
        temp.Write("git/logs/HEAD", "first commit\n");
        var dates = new Dictionary<string, DateOnly> { ["safety.md"] = new(2026, 1, 2) };
        var settings = TestSites.Settings(input, temp["output"]) with { LastChanged = new Dictionary<string, DateOnly>(dates) };
        await using var server = new DevServer(settings, port: 0, TextWriter.Null, new GitDates(temp["git/logs/HEAD"], () => new Dictionary<string, DateOnly>(dates)));
        Assert.True((await server.StartAsync()).Succeeded);
        Assert.Contains("datetime=\"2026-01-02\"", File.ReadAllText(temp["output/safety/index.html"]));

        using var stop = new CancellationTokenSource();
        var watching = server.WatchAsync(stop.Token);
        var built = new TaskCompletionSource<BuildResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Built += result => built.TrySetResult(result);

        // A commit touches no page: only the repository's HEAD log.
        dates["safety.md"] = new DateOnly(2026, 3, 4);
        File.AppendAllText(temp["git/logs/HEAD"], "second commit\n");
        Assert.True((await built.Task.WaitAsync(TimeSpan.FromSeconds(20))).Succeeded);
        Assert.Contains("datetime=\"2026-03-04\"", File.ReadAllText(temp["output/safety/index.html"]));

        await stop.CancelAsync();
        await watching;
    }
}
