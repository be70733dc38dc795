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
    /// <summary>Prepares the staging folder next to <paramref name="outputFolder"/>.</summary>
    public StagedOutput(string outputFolder)
    {
        // Through any symbolic link: the staging folder sits beside the real folder (where the
        // output-folder check looked), and swapping replaces the real folder, not the link.
        Target = OutputFolderGuard.RealPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        Staging = Target + ".staging";
        Directory.CreateDirectory(Staging);
        OutputFolderGuard.Mark(Staging);
    }

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
        RemoveStale(Staging, "", new HashSet<string>(written, StringComparer.Ordinal) { OutputFolderGuard.MarkerFile });
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
        if (Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }

    // Every entry of the folder, read in one pass: whether it is a folder and whether it is a
    // symbolic link come with the listing, so a large output is not stat-ed file by file.
    private static readonly EnumerationOptions Everything = new() { AttributesToSkip = 0, RecurseSubdirectories = false, IgnoreInaccessible = false };

    private static bool RemoveStale(string folder, string prefix, IReadOnlySet<string> written)
    {
        var entries = new System.IO.Enumeration.FileSystemEnumerable<(string Name, bool IsFolder, bool IsLink)>(
            folder,
            (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            Everything);
        var empty = true;
        foreach (var (name, isFolder, isLink) in entries.ToList())
        {
            var path = Path.Combine(folder, name);
            if (!isFolder)
            {
                if (written.Contains(prefix + name))
                {
                    empty = false;
                }
                else
                {
                    // A link to a file, or a dangling one, is removed itself.
                    File.Delete(path);
                }
            }
            else if (isLink)
            {
                // Never follow a link out of the output folder: remove the link itself.
                Directory.Delete(path);
            }
            else if (RemoveStale(path, prefix + name + "/", written))
            {
                Directory.Delete(path);
            }
            else
            {
                empty = false;
            }
        }

        return empty;
    }
}
