namespace LdnSite.Cli;

/// <summary>
/// Finds the repository's own folders, so the commands work with no options from anywhere
/// inside the checkout (the folder holding LdnSite.sln), or else from the current folder.
/// </summary>
public static class RepositoryFolders
{
    /// <summary>The repository root, or the current folder when not inside a checkout.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// Folders no build may replace or swallow: the repository (when inside one), the current
    /// folder and the user's home folder.
    /// </summary>
    public static IReadOnlyList<string> Protected { get; } =
        new[] { Root, Environment.CurrentDirectory, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) }
            .Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LdnSite.sln")))
            {
                return folder.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
