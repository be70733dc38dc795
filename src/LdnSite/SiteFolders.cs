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
    /// <summary>
    /// This site's output folders: refused with LDN103, marked with <c>.ldnsite-output</c>, and
    /// recognised by the MiniSearch file its output held before builds left that marker.
    /// </summary>
    public static readonly OutputFolderRules OutputRules = new(
        "LDN103",
        "Choose another --output folder (the default is output/ in the repository).",
        ".ldnsite-output",
        "This folder is written by 'ldnsite build': every build replaces its contents.\n",
        ["assets/vendor/minisearch.js"]);

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
            settings.ProtectedFolders,
            OutputRules));
        return problems;
    }
}
