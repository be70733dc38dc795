namespace LdnSite.Tests.Support;

using LdnSite.Engine.Pipelines;
using LdnSite.Build;

/// <summary>Builds sites for tests with fixed settings, so output does not depend on the day the tests run.</summary>
public static class TestSites
{
    /// <summary>The date tests build as of.</summary>
    public static readonly DateOnly Today = new(2026, 11, 25);

    /// <summary>Settings for a site from <paramref name="input"/> into <paramref name="output"/>.</summary>
    public static SiteSettings Settings(string input, string output, string? theme = null) => new()
    {
        InputFolder = input,
        ThemeFolder = theme ?? RepositoryPaths.Theme,
        OutputFolder = output,
        Today = Today,
        Repository = Repository,
    };

    /// <summary>The repository address test builds link "Edit this page" to.</summary>
    public static readonly Urls.RepositoryLinks Repository = new("https://github.com/example/ldnsite", "main", "input");

    /// <summary>Builds once and returns the result.</summary>
    public static Task<BuildResult> BuildAsync(SiteSettings settings) => new SiteBuild(settings).RunAsync();

    /// <summary>A minimal valid page.</summary>
    public static string Page(string title, string body = "Some text.", string extra = "") =>
        $"---\ntitle: {title}\ndescription: About {title}.\n{extra}---\n\n{body}\n";
}
