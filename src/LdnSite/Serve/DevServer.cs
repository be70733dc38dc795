namespace LdnSite.Serve;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Pipelines;
using LdnSite.Build;

/// <summary>
/// <c>serve</c>: builds, serves the output with Kestrel on loopback, rebuilds on every save
/// (reusing unchanged results, writing only changed files), and reloads open pages. A failed
/// rebuild keeps the last good site served and shows the errors in the terminal and the page.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    private readonly GitDates? _gitDates;
    private SiteBuild _build;
    private LdnSite.Engine.Documents.FileStamp? _headLogStamp;
    private readonly LiveReload _liveReload = new();
    private readonly StaticSiteServer _server;
    private readonly SourceWatcher _watcher;
    private readonly TextWriter _log;
    private int _builds;

    // The warnings the last build reported, shown or counted.
    private HashSet<Diagnostic> _shownWarnings = new(WarningIdentity.Instance);

    // Equal diagnostics are equal records; hashed by where and what code, not by their (long) messages.
    private sealed class WarningIdentity : IEqualityComparer<Diagnostic>
    {
        public static readonly WarningIdentity Instance = new();

        public bool Equals(Diagnostic? x, Diagnostic? y) => ReferenceEquals(x, y) || (x is not null && x.Equals(y));

        public int GetHashCode(Diagnostic obj) => HashCode.Combine(obj.Path, obj.Line, obj.Column, obj.Code);
    }

    /// <summary>Prepares a server for <paramref name="settings"/> (live reload is switched on).</summary>
    /// <param name="settings">The site's settings, with the git dates read at start.</param>
    /// <param name="port">The port, or 0 for a free one.</param>
    /// <param name="log">Where to say what happens.</param>
    /// <param name="gitDates">Where the history is, so a commit made while serving updates "last updated" dates; null without one.</param>
    public DevServer(SiteSettings settings, int port, TextWriter log, GitDates? gitDates = null)
    {
        var serveSettings = settings with { LiveReload = true };
        _build = new SiteBuild(serveSettings, incremental: true);
        _server = new StaticSiteServer(settings.OutputFolder, port, _liveReload.Map);
        _watcher = new SourceWatcher(settings.InputFolder, settings.ThemeFolder);
        _gitDates = gitDates;
        if (gitDates is not null)
        {
            _headLogStamp = LdnSite.Engine.Input.FileKinds.StampOf(gitDates.HeadLog);
            _watcher.AlsoWatch(gitDates.HeadLog);
        }

        // Set up before the first build, so every change after it begins is known to the next.
        _build.Watch(_watcher.Journal);
        _log = log;
    }

    // The dates are read again only when the history moved; when they differ, the site is built
    // afresh with them (they are part of the settings' fingerprint, so nothing kept would fit).
    private void RefreshGitDates()
    {
        if (_gitDates is null || LdnSite.Engine.Input.FileKinds.StampOf(_gitDates.HeadLog) is not { } stamp || stamp == _headLogStamp)
        {
            return;
        }

        _headLogStamp = stamp;
        var dates = _gitDates.Read();
        var current = _build.Settings.LastChanged;
        if (dates.Count == current.Count && dates.All(d => current.TryGetValue(d.Key, out var c) && c == d.Value))
        {
            return;
        }

        _log.WriteLine("The repository's history changed: pages get their new 'last updated' dates.");
        _build = new SiteBuild(_build.Settings with { LastChanged = dates }, incremental: true);
        _build.Watch(_watcher.Journal);
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

            // Editors' temporary files (4913, *.swp, *~, .#*) are not worth naming (the watcher
            // passes them over; a folder that came or went is named here too).
            var named = changed.Select(Path.GetFileName).OfType<string>().Where(n => !EditorFiles.IsTemporary(n) && Content.PublishRules.SkipReason(n) is null).Distinct().ToList();
            _log.WriteLine(named.Count > 0 ? $"Changed: {string.Join(", ", named)}" : "Changed.");
            RefreshGitDates();
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
            result = BuildResult.Refused([Diagnostic.Error("(build)", 0, 0, "LDN090", $"Could not read a file while it was being saved ({e.Message}); the next save rebuilds.")]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The dev server never dies on content: whatever went wrong is shown and the last good site stays served.
            result = BuildResult.Refused([Unexpected.Diagnostic(Diagnostics.DiagnosticCatalog.ForEngine.Unexpected, "(build)", e)]);
        }

        // Errors are always shown. A warning is shown once, then counted while it stays: a site
        // with thousands of warnings printed every one of them again on every save, which buried
        // what the save changed (and took longer than the rebuild).
        var shown = new HashSet<Diagnostic>(WarningIdentity.Instance);
        var repeated = 0;
        var errors = new List<string>();
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Severity != Severity.Error)
            {
                var before = _shownWarnings.Contains(diagnostic);
                if (!shown.Add(diagnostic) || before)
                {
                    repeated++;
                    continue;
                }
            }

            var text = Diagnostics.DiagnosticText.ForUser(diagnostic, _build.Settings.InputFolder).ToString();
            _log.WriteLine(text);
            if (diagnostic.Severity == Severity.Error)
            {
                errors.Add(text);
            }
        }

        _shownWarnings = shown;
        if (repeated > 0)
        {
            _log.WriteLine($"{repeated} warning(s) shown before and still there are not repeated.");
        }

        if (result.Succeeded)
        {
            var first = _builds++ == 0;
            _log.WriteLine(first
                ? $"Built in {result.Elapsed.TotalMilliseconds:0} ms."
                : $"Rebuilt in {result.Elapsed.TotalMilliseconds:0} ms ({result.CacheHits} results reused); reloading {_liveReload.Clients} page(s).");
            await _liveReload.ReloadAsync();
        }
        else
        {
            _log.WriteLine("Build failed; still serving the last good site.");
            await _liveReload.ShowErrorAsync(string.Join("\n", errors));
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
