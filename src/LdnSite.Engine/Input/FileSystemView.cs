namespace LdnSite.Engine.Input;

using System.Collections.Concurrent;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>
/// The build's way to list folders and stat files. Without a <see cref="ChangeJournal"/> it asks
/// the file system every time. With one (a dev server's watcher), a rebuild reuses a folder's
/// listing and a file's stamp unless the journal names a path that could change them: a one-page
/// edit at 10,000 pages then costs a few system calls instead of two per page.
/// </summary>
/// <remarks>
/// Only what the watcher can see is remembered: a listing under a watched folder that passed
/// through no symbolic link (a link's target changes under another name), and the stamps of the
/// plain files such a listing holds. Anything else is asked for every build.
/// </remarks>
public sealed class FileSystemView
{
    private readonly ConcurrentDictionary<object, Listing> _listings = new();
    private readonly ConcurrentDictionary<string, FileStamp?> _stamps = new(StringComparer.Ordinal);
    private ChangeJournal? _journal;

    // The listings kept now, copied whenever they change (between builds, or once per folder in
    // a build): a stamp look-up reads it for every page and must not lock or allocate.
    private volatile Listing[] _kept = [];

    /// <summary>Remembers listings and stamps from now on, forgetting what <paramref name="journal"/> says changed.</summary>
    public void Watch(ChangeJournal journal) => _journal = journal;

    /// <summary>Forgets what changed since the last build (everything, when the journal lost track).</summary>
    internal void BeginBuild()
    {
        if (_journal?.Take() is not { } changed)
        {
            _listings.Clear();
            _stamps.Clear();
            _kept = [];
            return;
        }

        foreach (var path in changed)
        {
            _stamps.TryRemove(path, out _);
            // A folder moved, removed or replaced under the same name reports only its own path:
            // every stamp under it is forgotten with it.
            if (_listings.Values.Any(l => l.Folders.Contains(path)) || Directory.Exists(path))
            {
                foreach (var stamped in _stamps.Keys.Where(p => IsWithin(p, path)))
                {
                    _stamps.TryRemove(stamped, out _);
                }
            }
        }

        foreach (var (owner, listing) in _listings)
        {
            if (changed.Any(listing.AffectedBy))
            {
                _listings.TryRemove(owner, out _);
            }
        }

        _kept = [.. _listings.Values];
    }

    /// <summary>
    /// The listing <paramref name="owner"/> made of <paramref name="root"/> in an earlier build, if
    /// nothing since could have changed it; otherwise a new one from <paramref name="list"/>.
    /// </summary>
    public Listing List(object owner, string root, Func<Listing> list)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (_journal is null || !_journal.Watched.Any(folder => IsWithin(full, folder)))
        {
            return list();
        }

        if (_listings.TryGetValue(owner, out var known) && known.Root == full)
        {
            return known;
        }

        var fresh = list();
        if (!fresh.PassedThroughLink)
        {
            _listings[owner] = fresh;
            _kept = [.. _listings.Values];
        }

        return fresh;
    }

    /// <summary>
    /// The stamp of the file at <paramref name="fullPath"/>, following links (see
    /// <see cref="FileKinds.StampOf"/>). Only a settled stamp is remembered: a file written in the
    /// last seconds is stat'ed again by every build, so a save whose event is still on its way is
    /// seen all the same.
    /// </summary>
    public FileStamp? StampOf(string fullPath)
    {
        // Only listed plain files are ever remembered, so a remembered stamp needs no listing check.
        if (_stamps.TryGetValue(fullPath, out var known))
        {
            return known;
        }

        foreach (var listing in _kept)
        {
            if (listing.Files.Contains(fullPath))
            {
                var stamp = FileKinds.StampOf(fullPath);
                if (stamp is { } settled && settled.SettledBefore(DateTime.UtcNow))
                {
                    _stamps[fullPath] = stamp;
                }

                return stamp;
            }
        }

        return FileKinds.StampOf(fullPath);
    }

    // Paths are compared as the platform's file system does.
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it (either separator on Windows).</summary>
    internal static bool IsWithin(string path, string folder)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        if (!path.StartsWith(folder, PathComparison))
        {
            return false;
        }

        return path.Length == folder.Length || path[folder.Length] == Path.DirectorySeparatorChar || path[folder.Length] == Path.AltDirectorySeparatorChar
            || folder.Length == 0 || folder[^1] == Path.DirectorySeparatorChar;
    }
}
