namespace LdnSite.Engine.Output;

using LdnSite.Engine.Diagnostics;

/// <summary>
/// Decides whether a build may write to an output folder, before anything is touched. A build
/// replaces the whole folder, so it may only be a folder the build made itself (it carries the
/// host's marker file, <see cref="OutputFolderRules"/>), a new or empty folder, and never a folder that is, holds or lies
/// inside a source folder or the repository.
/// </summary>
public static class OutputFolderGuard
{
    /// <summary>
    /// Problems with writing to <paramref name="output"/> (and its staging folder) given the
    /// folders the build reads (<paramref name="sources"/>) and folders that must never be
    /// replaced or swallowed (<paramref name="protectedFolders"/>, such as the repository root).
    /// </summary>
    public static IReadOnlyList<Diagnostic> Check(string output, IEnumerable<(string Name, string Path)> sources, IEnumerable<string> protectedFolders, OutputFolderRules rules)
    {
        var problems = new List<Diagnostic>();
        var target = RealPath(output);
        void Refuse(string message) => problems.Add(Diagnostic.Error(output, 0, 0, rules.RefusalCode, message + " " + rules.RefusalAdvice));

        foreach (var (name, path) in sources)
        {
            var source = RealPath(path);
            if (Same(target, source) || Inside(target, source) || Inside(source, target))
            {
                Refuse($"The output folder overlaps the {name} folder ({path}); a build would overwrite or delete its files.");
            }
        }

        foreach (var folder in protectedFolders.Select(RealPath))
        {
            if (Same(target, folder) || Inside(folder, target))
            {
                Refuse($"The output folder is or contains {folder}, which a build must never replace.");
            }
        }

        // A file where a parent folder should be: creating the output would fail half-way.
        for (var parent = Path.GetDirectoryName(target); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                Refuse($"'{parent}' is a file, so no folder can be made inside it.");
                return problems;
            }
        }

        foreach (var folder in new[] { target, target + ".staging" })
        {
            if (folder != target && new DirectoryInfo(folder).LinkTarget is not null)
            {
                // The build writes the site into the staging folder and deletes what it did not
                // write there: through a link that would be any folder, sources included.
                Refuse($"'{folder}' is a symbolic link; the staging folder beside the output must be a real folder (delete the link).");
            }
            else if (File.Exists(folder))
            {
                Refuse($"'{folder}' is a file, not a folder.");
            }
            else if (Directory.Exists(folder) && !IsBuildOutput(folder, rules))
            {
                Refuse($"'{folder}' already holds files that a build did not write (it has no {rules.MarkerFile} file); a build replaces everything in it.");
            }
        }

        return problems;
    }

    /// <summary>True for an empty folder or one a build wrote (it has the marker file).</summary>
    public static bool IsBuildOutput(string folder, OutputFolderRules rules) =>
        !Directory.EnumerateFileSystemEntries(folder).Any()
        || File.Exists(Path.Combine(folder, rules.MarkerFile))
        || rules.EarlierOutput.Any(file => File.Exists(Path.Combine(folder, file)));

    /// <summary>Writes the marker file into <paramref name="folder"/>.</summary>
    public static void Mark(string folder, OutputFolderRules rules)
    {
        var marker = Path.Combine(folder, rules.MarkerFile);
        if (new FileInfo(marker).LinkTarget is not null)
        {
            // Never written through a link someone left in its place.
            File.Delete(marker);
        }

        File.WriteAllText(marker, rules.MarkerText);
    }

    /// <summary>
    /// The full path with every symbolic link among its existing parts resolved, so a link cannot
    /// make an overlapping folder look separate.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(full) ?? "/";
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = new DirectoryInfo(next);
            if (!info.Exists)
            {
                return Path.Combine([current, .. parts[i..]]);
            }

            var resolved = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
            current = resolved is null ? next : Path.TrimEndingDirectorySeparator(Path.GetFullPath(resolved.FullName));
        }

        return current;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    private static bool Inside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
