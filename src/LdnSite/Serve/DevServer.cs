namespace LdnSite.Serve;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Pipelines;

/// <summary>
/// <c>serve</c>: builds, serves the output with Kestrel on loopback, rebuilds on every save
/// (reusing unchanged results, writing only changed files), and reloads open pages. A failed
/// rebuild keeps the last good site served and shows the errors in the terminal and the page.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    private readonly SiteBuild _build;
    private readonly LiveReload _liveReload = new();
    private readonly StaticSiteServer _server;
    private readonly SourceWatcher _watcher;
    private readonly TextWriter _log;

    /// <summary>Prepares a server for <paramref name="settings"/> (live reload is switched on).</summary>
    public DevServer(SiteSettings settings, int port, TextWriter log)
    {
        var serveSettings = settings with { LiveReload = true };
        _build = new SiteBuild(serveSettings, incremental: true);
        _server = new StaticSiteServer(settings.OutputFolder, port, _liveReload.Map);
        _watcher = new SourceWatcher(settings.InputFolder, settings.ThemeFolder);
        _log = log;
    }

    /// <summary>Where the site is served.</summary>
    public Uri Address => _server.Address;

    /// <summary>Pages listening for reloads now.</summary>
    public int ConnectedPages => _liveReload.Clients;

    /// <summary>Raised after every build, good or bad.</summary>
    public event Action<BuildResult>? Built;

    /// <summary>The first build's result (the server starts even when it fails, to show the error).</summary>
    public async Task<BuildResult> StartAsync(CancellationToken cancellationToken = default)
    {
        var result = await BuildAsync(cancellationToken);
        await _server.StartAsync(cancellationToken);
        return result;
    }

    /// <summary>Rebuilds on every settled change until cancelled.</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<string> changed;
            try
            {
                // Editors finish a save (write, rename) within a few milliseconds.
                changed = await _watcher.NextChangeAsync(TimeSpan.FromMilliseconds(10), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _log.WriteLine($"Changed: {string.Join(", ", changed.Select(Path.GetFileName).Distinct())}");
            await BuildAsync(cancellationToken);
        }
    }

    private async Task<BuildResult> BuildAsync(CancellationToken cancellationToken)
    {
        BuildResult result;
        try
        {
            result = await _build.RunAsync(cancellationToken);
        }
        catch (IOException e)
        {
            // A file caught mid-save; the watcher will see the finished write and build again.
            result = new BuildResult([Diagnostic.Error(e.Message, 0, 0, "LDN090", "Could not read a file while it was being saved.")], new Dictionary<string, IReadOnlyList<LdnSite.Engine.Documents.Document>>(), TimeSpan.Zero, 0);
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            _log.WriteLine(diagnostic.ToString());
        }

        if (result.Succeeded)
        {
            _log.WriteLine($"Rebuilt in {result.Elapsed.TotalMilliseconds:0} ms ({result.CacheHits} results reused); reloading {_liveReload.Clients} page(s).");
            await _liveReload.ReloadAsync();
        }
        else
        {
            _log.WriteLine("Build failed; still serving the last good site.");
            await _liveReload.ShowErrorAsync(string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error)));
        }

        Built?.Invoke(result);
        return result;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        await _server.DisposeAsync();
    }
}
