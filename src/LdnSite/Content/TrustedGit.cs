namespace LdnSite.Content;

using System.Diagnostics;

/// <summary>
/// Runs git only in the repository the tool found itself (the checkout holding LdnSite.sln),
/// never in a repository that content brings along. A content folder received as an archive can
/// carry a <c>.git</c> whose configuration runs programs (<c>gpg.program</c> with
/// <c>log.showSignature</c>, <c>core.fsmonitor</c>, external diff and text conversion drivers), so
/// git is started in the repository's root with discovery stopped above it, and every setting
/// that could start another program is switched off on the command line, where it overrides any
/// configuration file, the found repository's own included.
/// </summary>
public static class TrustedGit
{
    // '-c' settings outrank every configuration file; each one here would otherwise let a
    // repository's configuration start a program while git reads history.
    private static readonly string[] SafeSettings =
    [
        "--no-pager",
        "-c", "log.showSignature=false",
        "-c", "core.fsmonitor=false",
        "-c", "core.hooksPath=/dev/null",
        "-c", "diff.external=",
        "-c", "core.pager=cat",
        "-c", "gpg.program=false",
        "-c", "gpg.ssh.program=false",
        "-c", "gpg.x509.program=false",
    ];

    // Variables that would point git at another repository or configuration than the one found.
    private static readonly string[] ClearedVariables =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_EXTERNAL_DIFF", "GIT_PAGER",
    ];

    /// <summary>
    /// Whether <paramref name="repositoryRoot"/> is a git checkout (it holds <c>.git</c>) and
    /// <paramref name="folder"/> lies inside it, both with symbolic links resolved.
    /// </summary>
    public static bool Covers(string? repositoryRoot, string folder, out string relativeFolder)
    {
        relativeFolder = "";
        if (repositoryRoot is null || !Path.Exists(Path.Combine(repositoryRoot, ".git")) || !Directory.Exists(folder))
        {
            return false;
        }

        var root = Engine.Output.OutputFolderGuard.RealPath(repositoryRoot);
        var relative = Path.GetRelativePath(root, Engine.Output.OutputFolderGuard.RealPath(folder));
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return false;
        }

        relativeFolder = relative == "." ? "" : relative.Replace(Path.DirectorySeparatorChar, '/');
        return true;
    }

    /// <summary>A start for <c>git <paramref name="arguments"/></c> in <paramref name="repositoryRoot"/>, with output redirected.</summary>
    public static ProcessStartInfo Start(string repositoryRoot, params string[] arguments)
    {
        var root = Engine.Output.OutputFolderGuard.RealPath(repositoryRoot);
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in SafeSettings.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in ClearedVariables)
        {
            start.Environment.Remove(variable);
        }

        // Discovery starts in the root and may not climb above it; nothing may prompt.
        start.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(root) ?? root;
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        return start;
    }
}
