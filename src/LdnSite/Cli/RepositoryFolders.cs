namespace LdnSite.Cli;

/// <summary>
/// Finds the repository's own folders, so the commands work with no options from anywhere
/// inside the checkout (the folder holding LdnSite.sln), or else from the current folder.
/// </summary>
public static class RepositoryFolders
{
    /// <summary>The checkout holding LdnSite.sln that the current folder is in, or null.</summary>
    public static string? Checkout { get; } = FindCheckout();

    /// <summary>The repository root, or the current folder when not inside a checkout.</summary>
    public static string Root { get; } = Checkout ?? Environment.CurrentDirectory;

    /// <summary>
    /// Folders no build may replace or swallow: the repository (when inside one), the current
    /// folder and the user's home folder.
    /// </summary>
    public static IReadOnlyList<string> Protected { get; } =
        new[] { Root, Environment.CurrentDirectory, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) }
            .Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Where pages of <paramref name="inputFolder"/> can be edited: <paramref name="url"/> when
    /// given, else the repository GitHub Actions is building, else the checkout's 'origin'
    /// remote; null when none is an https address or the input is not in the repository.
    /// </summary>
    public static Urls.RepositoryLinks? Links(string inputFolder, string? url, string branch)
    {
        var web = Urls.RepositoryLinks.WebUrlOf(url)
            ?? Urls.RepositoryLinks.WebUrlOf(Environment.GetEnvironmentVariable("GITHUB_SERVER_URL") is { Length: > 0 } server && Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { Length: > 0 } repository ? $"{server}/{repository}" : null)
            ?? Urls.RepositoryLinks.WebUrlOf(OriginRemote());
        var inputPath = Path.GetRelativePath(Root, inputFolder).Replace(Path.DirectorySeparatorChar, '/');
        return web is null || inputPath.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(inputPath) ? null : new Urls.RepositoryLinks(web, branch, inputPath == "." ? "" : inputPath);
    }

    private static string? OriginRemote()
    {
        if (!Content.TrustedGit.Covers(Checkout, Checkout ?? "", out _))
        {
            return null;
        }

        try
        {
            using var git = System.Diagnostics.Process.Start(Content.TrustedGit.Start(Checkout!, "remote", "get-url", "origin"));
            git?.StandardInput.Close();
            _ = git?.StandardError.ReadToEndAsync();
            var remote = git?.StandardOutput.ReadToEnd();
            return git is not null && git.WaitForExit(5_000) && git.ExitCode == 0 ? remote : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? FindCheckout()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LdnSite.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
