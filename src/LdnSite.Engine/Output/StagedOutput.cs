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

    private static bool RemoveStale(string folder, string prefix, IReadOnlySet<string> written)
    {
        var empty = true;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (written.Contains(prefix + Path.GetFileName(file)))
            {
                empty = false;
            }
            else
            {
                File.Delete(file);
            }
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (new DirectoryInfo(child).LinkTarget is not null)
            {
                // Never follow a link out of the output folder: remove the link itself.
                Directory.Delete(child);
                continue;
            }

            if (RemoveStale(child, prefix + Path.GetFileName(child) + "/", written))
            {
                Directory.Delete(child);
            }
            else
            {
                empty = false;
            }
        }

        return empty;
    }
}
