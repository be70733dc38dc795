namespace LdnSite.Engine.Output;

/// <summary>
/// Builds into a staging folder beside the output and swaps it in only on success, so a failed
/// build leaves the previous output exactly as it was. The folder swapped out becomes the next
/// build's staging folder: its folders and files already exist, so the next build mostly
/// overwrites files instead of creating thousands of folders and deleting the old tree (on a
/// large site that was most of the kernel time of a build).
/// </summary>
public sealed class StagedOutput
{
    private readonly OutputFolderRules _rules;

    /// <summary>Prepares the staging folder next to <paramref name="outputFolder"/>.</summary>
    public StagedOutput(string outputFolder, OutputFolderRules rules)
    {
        _rules = rules;
        // Through any symbolic link: the staging folder sits beside the real folder (where the
        // output-folder check looked), and swapping replaces the real folder, not the link.
        Target = OutputFolderGuard.RealPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        Staging = Target + ".staging";
        Directory.CreateDirectory(Staging);
        OutputFolderGuard.Mark(Staging, rules);
        // What the staging folder held before this build, listed while the build runs: walking it
        // after the build was a serial wait before the report.
        _before = Task.Run(() => List(Staging));
    }

    private readonly Task<List<Entry>> _before;

    /// <summary>
    /// Completes when the staging folder holds no symbolic link, so nothing written follows one
    /// out of the folder: the build must not write before then. The build itself makes no links;
    /// one found there was put there by someone else.
    /// </summary>
    public Task ReadyForWriting => _before;

    /// <summary>The folder the build should write to.</summary>
    public string Staging { get; }

    /// <summary>The folder the output ends up in.</summary>
    public string Target { get; }

    /// <summary>
    /// Deletes what the staging folder holds beyond <paramref name="written"/> (relative paths
    /// with '/'), then swaps it with the target folder.
    /// </summary>
    public void Commit(IReadOnlySet<string> written)
    {
        RemoveStale(_before.GetAwaiter().GetResult(), new HashSet<string>(written, StringComparer.Ordinal) { _rules.MarkerFile });
        var swap = $"{Target}.swap-{Guid.NewGuid():N}";
        var hadTarget = Directory.Exists(Target);
        if (hadTarget)
        {
            Directory.Move(Target, swap);
        }

        Directory.Move(Staging, Target);
        if (hadTarget)
        {
            Directory.Move(swap, Staging);
        }
    }

    /// <summary>Removes the staging folder after a failed build, so nothing half-written is left beside the output.</summary>
    public void Discard()
    {
        // The listing reads the folder about to be deleted; whatever it found, or why it failed,
        // no longer matters.
        try
        {
            _before.Wait();
        }
        catch (AggregateException)
        {
        }

        if (Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }

    // An entry of the staging folder before the build: its path relative to the folder (with
    // '/'), and whether it is a folder.
    private readonly record struct Entry(string Path, bool IsFolder);

    // Every entry of each folder, hidden ones included.
    private static readonly EnumerationOptions Everything = new() { AttributesToSkip = 0, RecurseSubdirectories = false, IgnoreInaccessible = false };

    // The whole tree, parents before their children. A symbolic link is removed as it is found,
    // never followed: its attributes take a look at each entry (lstat), which is why this runs
    // beside the build rather than after it.
    private static List<Entry> List(string staging)
    {
        var entries = new List<Entry>();
        var folders = new Stack<string>();
        folders.Push("");
        while (folders.TryPop(out var prefix))
        {
            var listing = new System.IO.Enumeration.FileSystemEnumerable<(Entry Entry, bool IsLink)>(
                Path.Combine(staging, prefix),
                (ref System.IO.Enumeration.FileSystemEntry entry) => (new Entry(prefix + entry.FileName.ToString(), entry.IsDirectory), (entry.Attributes & FileAttributes.ReparsePoint) != 0),
                Everything);
            foreach (var (entry, isLink) in listing.ToList())
            {
                if (isLink)
                {
                    RemoveLink(Path.Combine(staging, entry.Path));
                    continue;
                }

                entries.Add(entry);
                if (entry.IsFolder)
                {
                    folders.Push(entry.Path + "/");
                }
            }
        }

        return entries;
    }

    // Removes the link itself, whatever it points to (a folder, a file, or nothing any more).
    private static void RemoveLink(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            // Windows removes a link to a folder as a folder; Unix unlinks any link as a file.
            Directory.Delete(path);
        }
    }

    // Files the build did not write are deleted; a folder that holds nothing the build wrote goes
    // with everything in it. The build only adds to the staging folder, so a file it wrote after
    // the listing is in a folder that is an ancestor of a written path, and stays.
    private void RemoveStale(List<Entry> before, IReadOnlySet<string> written)
    {
        var keptFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in written)
        {
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (!keptFolders.Add(path[..slash]))
                {
                    break;
                }
            }
        }

        var removedFolders = new List<string>();
        var insideRemoved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, isFolder) in before)
        {
            var parent = path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "";
            if (insideRemoved.Contains(parent))
            {
                // Goes with its folder; the listing gives parents before their children.
                if (isFolder)
                {
                    insideRemoved.Add(path);
                }
            }
            else if (isFolder)
            {
                if (!keptFolders.Contains(path))
                {
                    removedFolders.Add(path);
                    insideRemoved.Add(path);
                }
            }
            else if (!written.Contains(path))
            {
                File.Delete(Path.Combine(Staging, path));
            }
        }

        foreach (var folder in removedFolders.Select(f => Path.Combine(Staging, f)).Where(Directory.Exists))
        {
            // Recursive deletion removes links inside without following them.
            Directory.Delete(folder, recursive: true);
        }
    }
}
