namespace LdnSite;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Output;
using LdnSite.Urls;

/// <summary>
/// The folders of a build, checked before anything is read or written: a misspelt --input must
/// not publish an empty site, and --output must be a folder the build may replace.
/// </summary>
public static class SiteFolders
{
    /// <summary>Every problem with the settings' folders and base URL; empty when the build may run.</summary>
    public static IReadOnlyList<Diagnostic> Check(SiteSettings settings)
    {
        var problems = new List<Diagnostic>();
        if (!Directory.Exists(settings.InputFolder))
        {
            problems.Add(Diagnostic.Error(settings.InputFolder, 0, 0, "LDN101", "The input folder does not exist. Check --input (the default is input/ in the repository)."));
        }

        if (!Directory.Exists(Path.Combine(settings.ThemeFolder, "layouts")))
        {
            problems.Add(Diagnostic.Error(settings.ThemeFolder, 0, 0, "LDN102", "The theme folder does not exist or has no layouts/ folder. Check --theme (the default is theme/ in the repository)."));
        }

        if (SiteUrl.Problem(settings.BaseUrl) is { } urlProblem)
        {
            problems.Add(Diagnostic.Error("--base-url", 0, 0, "LDN104", $"The base URL '{settings.BaseUrl}' is refused: {urlProblem}."));
        }

        problems.AddRange(OutputFolderGuard.Check(
            settings.OutputFolder,
            [("input", settings.InputFolder), ("theme", settings.ThemeFolder)],
            settings.ProtectedFolders));
        return problems;
    }
}
