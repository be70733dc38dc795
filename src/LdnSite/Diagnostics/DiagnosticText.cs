namespace LdnSite.Diagnostics;

using LdnSite.Engine.Diagnostics;

/// <summary>
/// How diagnostics are printed: paths relative to the current folder (the repository root when
/// run from there, so editors and CI find <c>input/safety.md</c>), and under GitHub Actions also
/// as workflow commands, so errors appear on the changed lines of a pull request.
/// </summary>
public static class DiagnosticText
{
    /// <summary>The diagnostic with its path as the user would type it.</summary>
    public static Diagnostic ForUser(Diagnostic diagnostic, string inputFolder)
    {
        var path = diagnostic.Path;
        if (path.StartsWith('-') || path.StartsWith('('))
        {
            return diagnostic;
        }

        var full = Path.IsPathRooted(path) ? path : Path.Combine(inputFolder, path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return diagnostic with { Path = relative.StartsWith("..", StringComparison.Ordinal) ? full : relative.Replace('\\', '/') };
    }

    /// <summary>The GitHub Actions workflow command for a diagnostic (already made relative).</summary>
    public static string GitHubAnnotation(Diagnostic diagnostic)
    {
        var kind = diagnostic.Severity == Severity.Error ? "error" : "warning";
        var position = diagnostic.Line > 0 ? $",line={diagnostic.Line},col={Math.Max(diagnostic.Column, 1)}" : "";
        return $"::{kind} file={Escape(diagnostic.Path, property: true)}{position},title={diagnostic.Code}::{Escape(diagnostic.Message, property: false)}";
    }

    /// <summary>Whether this process runs under GitHub Actions.</summary>
    public static bool InGitHubActions => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    // GitHub's escaping rules for workflow command data and properties.
    private static string Escape(string text, bool property)
    {
        var escaped = text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
        return property ? escaped.Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal) : escaped;
    }
}
