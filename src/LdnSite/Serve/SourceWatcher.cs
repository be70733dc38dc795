namespace LdnSite.Serve;

using System.Threading.Channels;

/// <summary>
/// Watches the input and theme folders and signals a rebuild once saves settle: editors write a
/// file in several steps, and one save should cause one rebuild.
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    // Watches of one name in a folder above: each watched folder itself, and AlsoWatch's files.
    private readonly List<FileSystemWatcher> _names = [];
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>Starts watching <paramref name="folders"/> (recursively).</summary>
    public SourceWatcher(params string[] folders)
    {
        Journal = new Engine.Input.ChangeJournal([.. folders.Where(Directory.Exists)]) { Watcher = this };
        foreach (var folder in folders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))))
        {
            Arm(folder);

            // A watch ends with its folder: when input/ is deleted (or moved away) and made again,
            // only a watch on the folder above sees it, so the build can say the folder is gone
            // and then watch the new one.
            WatchName(folder, NotifyFilters.DirectoryName, () => Rearm(folder));
        }
    }

    /// <summary>Also signals a rebuild when <paramref name="file"/> changes (one file, outside the watched folders).</summary>
    public void AlsoWatch(string file) =>
        WatchName(file, NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName, () => _changes.Writer.TryWrite(file));

    // Calls changed when path itself is made, changed, removed or renamed (a watch on its folder, for its name).
    private void WatchName(string path, NotifyFilters filter, Action changed)
    {
        if (Path.GetDirectoryName(path) is not { } folder || !Directory.Exists(folder))
        {
            return;
        }

        var watcher = new FileSystemWatcher(folder, Path.GetFileName(path)) { NotifyFilter = filter };
        watcher.Created += (_, _) => changed();
        watcher.Changed += (_, _) => changed();
        watcher.Deleted += (_, _) => changed();
        watcher.Renamed += (_, _) => changed();
        watcher.EnableRaisingEvents = true;
        lock (_lock)
        {
            _names.Add(watcher);
        }
    }

    // Watches folder (when it exists) afresh, dropping the watch on whatever was there before.
    private void Arm(string folder)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            if (_watchers.Remove(folder, out var old))
            {
                old.Dispose();
            }

            if (!Directory.Exists(folder))
            {
                return;
            }

            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.Error += OnLost;
            watcher.EnableRaisingEvents = true;
            _watchers[folder] = watcher;
        }
    }

    // The folder itself went or came: nothing remembered of it can be trusted, and a build runs.
    private void Rearm(string folder)
    {
        Arm(folder);
        Journal.Lost();
        _changes.Writer.TryWrite(folder);
    }

    /// <summary>Every path seen to change, for the build (see <see cref="Engine.Input.FileSystemView"/>).</summary>
    public Engine.Input.ChangeJournal Journal { get; }

    /// <summary>Waits for the next change, then for <paramref name="quiet"/> without further changes; returns the paths that changed.</summary>
    public async Task<IReadOnlyList<string>> NextChangeAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        var changed = new HashSet<string> { await _changes.Reader.ReadAsync(cancellationToken) };
        while (true)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(quiet);
            try
            {
                changed.Add(await _changes.Reader.ReadAsync(timeout.Token));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return changed.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        // The build hears of every change, whether or not it is worth a rebuild: a swap file that
        // is there when the build lists the folder is reported like any other file.
        Journal.Changed(e.FullPath);
        if (e is RenamedEventArgs renamed)
        {
            Journal.Changed(renamed.OldFullPath);
        }

        // Packages and editors' temporary files are not content: the save they belong to
        // changes the real file too, and that starts the rebuild. A folder is never one (a
        // folder renamed to '2025' looks like vim's '4913').
        if (e.FullPath.Contains("node_modules", StringComparison.Ordinal) || (EditorFiles.IsTemporary(Path.GetFileName(e.FullPath)) && !Directory.Exists(e.FullPath)))
        {
            return;
        }

        _changes.Writer.TryWrite(e.FullPath);
    }

    // The watcher's queue overflowed (or it failed): changes were missed, so the next build
    // trusts nothing it remembers, and one is started.
    private void OnLost(object sender, ErrorEventArgs e)
    {
        Journal.Lost();
        _changes.Writer.TryWrite(((FileSystemWatcher)sender).Path);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // A build that still reads the journal must not trust a watcher that stopped.
        Journal.Detach();
        lock (_lock)
        {
            _disposed = true;
            foreach (var watcher in _watchers.Values.Concat(_names))
            {
                watcher.Dispose();
            }
        }
    }
}
