namespace LdnSite.Engine.Input;

/// <summary>
/// The paths a file watcher saw change since the last build began, for <see cref="FileSystemView"/>.
/// Every event counts, whatever the watcher's owner does with it: a path the owner does not
/// rebuild for (an editor's swap file) may still change what a full build would list.
/// </summary>
/// <remarks>
/// A watcher that loses events (an overflowing queue) must call <see cref="Lost"/>: the next
/// build then trusts nothing it remembers. A change that lands while a build runs is recorded for
/// the next one, and the watcher's owner builds again after it, so nothing seen after a build
/// began is ever missed.
/// </remarks>
/// <param name="watched">The folders the watcher covers, recursively; nothing outside them is remembered.</param>
public sealed class ChangeJournal(params string[] watched)
{
    private readonly object _gate = new();
    private HashSet<string> _paths = new(StringComparer.Ordinal);

    // Nothing is known before the first build.
    private bool _everything = true;

    /// <summary>
    /// The watcher that fills this journal, held here so that it lives as long as the build that
    /// reads the journal: a watcher collected while its journal is still read would leave every
    /// later build trusting stamps nobody checks any more.
    /// </summary>
    public object? Watcher { get; set; }

    /// <summary>Records that no more changes will be reported (the watcher stopped): from now on every build trusts nothing remembered.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            _detached = true;
        }
    }

    private bool _detached;

    /// <summary>The folders the watcher covers (full paths).</summary>
    public IReadOnlyList<string> Watched { get; } = [.. watched.Select(folder => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))];

    /// <summary>Records that <paramref name="fullPath"/> was created, written, deleted or renamed (either name).</summary>
    public void Changed(string fullPath)
    {
        lock (_gate)
        {
            _paths.Add(Path.TrimEndingDirectorySeparator(Path.GetFullPath(fullPath)));
        }
    }

    /// <summary>Records that the watcher may have missed changes: the next build trusts nothing remembered.</summary>
    public void Lost()
    {
        lock (_gate)
        {
            _everything = true;
        }
    }

    /// <summary>What changed since the last call (null: anything may have), and starts recording afresh.</summary>
    internal IReadOnlySet<string>? Take()
    {
        lock (_gate)
        {
            var taken = _everything || _detached ? null : _paths;
            _paths = new HashSet<string>(StringComparer.Ordinal);
            _everything = false;
            return taken;
        }
    }
}
