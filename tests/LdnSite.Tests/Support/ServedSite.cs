namespace LdnSite.Tests.Support;

using LdnSite.Engine.Pipelines;
using LdnSite.Serve;

/// <summary>
/// A copy of the real site under the dev server, as a writer runs it: real Kestrel on loopback,
/// real file watching. For tests of serve; dispose it to stop the server and delete the copy.
/// </summary>
public sealed class ServedSite : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _watching = Task.CompletedTask;

    private ServedSite(TempFolder folder, DevServer server)
    {
        Folder = folder;
        Server = server;
    }

    /// <summary>The folder holding input/ and output/.</summary>
    public TempFolder Folder { get; }

    /// <summary>The server.</summary>
    public DevServer Server { get; }

    /// <summary>The first build's result.</summary>
    public BuildResult FirstBuild { get; private set; } = null!;

    /// <summary>Copies the site, builds and serves it, and starts watching.</summary>
    public static async Task<ServedSite> StartAsync(TextWriter? log = null)
    {
        var folder = new TempFolder();
        var input = folder.CopyFrom(RepositoryPaths.Input, "input");
        var site = new ServedSite(folder, new DevServer(TestSites.Settings(input, folder["output"]), port: 0, log ?? TextWriter.Null));
        site.FirstBuild = await site.Server.StartAsync();
        site._watching = site.Server.WatchAsync(site._stop.Token);
        return site;
    }

    /// <summary>The result of the next build (give up after 20 seconds).</summary>
    public Task<BuildResult> NextBuildAsync() => BuildWhereAsync(() => true);

    /// <summary>
    /// The result of the first build after which <paramref name="done"/> holds (give up after 20
    /// seconds). A build the watcher started for an earlier event (under load, the events of the
    /// site's own copying can arrive after the first build) finishes without the edit; waiting
    /// for the next one instead of failing keeps a test about the edit from depending on timing.
    /// </summary>
    public async Task<BuildResult> BuildWhereAsync(Func<bool> done)
    {
        var built = new TaskCompletionSource<BuildResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnBuilt(BuildResult result)
        {
            // A failed build is handed over at once (the test shows why it failed, not a timeout);
            // the condition runs on the server's build loop, so what it throws goes to the test.
            try
            {
                if (result.Succeeded && !done())
                {
                    return;
                }

                built.TrySetResult(result);
            }
            catch (Exception e)
            {
                built.TrySetException(e);
            }
        }

        Server.Built += OnBuilt;
        try
        {
            return await built.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            Server.Built -= OnBuilt;
        }
    }

    /// <summary>Saves input/<paramref name="file"/> changed by <paramref name="change"/>.</summary>
    public void Edit(string file, Func<string, string> change)
    {
        var path = Folder["input/" + file];
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        await Server.DisposeAsync();
        _stop.Dispose();
        Folder.Dispose();
    }
}
