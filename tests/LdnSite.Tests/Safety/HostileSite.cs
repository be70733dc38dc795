namespace LdnSite.Tests.Safety;

using System.Security.Cryptography;
using LdnSite.Cli;
using LdnSite.Engine.Diagnostics;
using LdnSite.Tests.Support;
using LdnSite.Build;

/// <summary>
/// A small valid site in a temporary root, built once so there is a previous output, that a test
/// then attacks. It records everything a hostile input must not change: the previous output
/// (kept byte for byte when the build fails) and every file outside the output folder.
/// </summary>
public sealed class HostileSite : IDisposable
{
    /// <summary>References every page may cite.</summary>
    public const string References = """
        - key: smith2007
          authors: [Smith JP]
          title: A study
          journal: J Test
          year: 2007
          pmid: "17222320"
          design: open-label
          participants: {count: 17, who: adults with Crohn's disease}
          outcome: Scores fell.
          conditions: [crohns]

        """;

    private readonly TempFolder _root = new();

    /// <summary>Creates the site and builds it once.</summary>
    public HostileSite()
    {
        _root.Write("input/_data/references.yaml", References);
        _root.Write("input/index.md", TestSites.Page("Home", "A claim [@smith2007]."));
        _root.Write("input/safety.md", TestSites.Page("Safety", "Another claim [@smith2007]."));
        var first = TestSites.BuildAsync(Settings).GetAwaiter().GetResult();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
    }

    /// <summary>The temporary root holding input/ and output/.</summary>
    public string Root => _root.Path;

    /// <summary>A path under the root.</summary>
    public string this[string relative] => _root[relative];

    /// <summary>Settings for input/ → output/ with the repository's theme.</summary>
    public SiteSettings Settings => TestSites.Settings(_root["input"], _root["output"]) with { ProtectedFolders = [_root.Path] };

    /// <summary>Writes a file under the root.</summary>
    public string Write(string relative, string text) => _root.Write(relative, text);

    /// <summary>Hashes of every file under the root, by relative path (the output folder's own files under "output/").</summary>
    public IReadOnlyDictionary<string, string> Hashes()
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Files(_root.Path))
        {
            var info = new FileInfo(file);
            hashes[Path.GetRelativePath(_root.Path, file)] =
                info.LinkTarget is not null ? "link:" + info.LinkTarget
                : !LdnSite.Engine.Input.FileKinds.IsRegularFile(file) ? "special" // a named pipe would block reading
                : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return hashes;
    }

    /// <summary>Every file and link under <paramref name="folder"/>, never following a link to a folder.</summary>
    public static IEnumerable<string> Files(string folder)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            var info = new DirectoryInfo(entry);
            if (info.Exists && info.LinkTarget is null)
            {
                foreach (var file in Files(entry))
                {
                    yield return file;
                }
            }
            else
            {
                yield return entry;
            }
        }
    }

    /// <summary>Copies the repository's theme (layouts, assets and the vendored search library) to theme/ under the root.</summary>
    public string CopyTheme()
    {
        _root.CopyFrom(RepositoryPaths.Theme, "theme");
        const string vendor = "node_modules/minisearch/dist/umd/index.js";
        Directory.CreateDirectory(Path.GetDirectoryName(_root["theme/" + vendor])!);
        File.Copy(Path.Combine(RepositoryPaths.Theme, vendor), _root["theme/" + vendor]);
        return _root["theme"];
    }

    /// <summary>
    /// A copy of the theme as it was before <paramref name="partial"/> existed: the partial
    /// removed, and the layout file <paramref name="layout"/> (under layouts/) doing its work
    /// itself, each of <paramref name="rewrites"/> putting the old text back where the new one is.
    /// </summary>
    public string ThemeBefore(string partial, string layout, params (string Now, string Before)[] rewrites)
    {
        var theme = CopyTheme();
        File.Delete(Path.Combine(theme, "layouts", "partials", partial + ".html"));
        var path = Path.Combine(theme, "layouts", layout);
        var text = File.ReadAllText(path);
        foreach (var (now, before) in rewrites)
        {
            // A theme that no longer holds the text would make the case test nothing.
            Assert.Contains(now, text, StringComparison.Ordinal);
            text = text.Replace(now, before, StringComparison.Ordinal);
        }

        File.WriteAllText(path, text);
        return theme;
    }

    /// <summary>Builds through the command line (as a user would) and through the API (for the diagnostics).</summary>
    public async Task<(int ExitCode, IReadOnlyList<Diagnostic> Diagnostics)> BuildAsync(SiteSettings? settings = null, params string[] extraArguments)
    {
        settings ??= Settings;
        var arguments = new List<string> { "build", "--input", settings.InputFolder, "--output", settings.OutputFolder, "--theme", settings.ThemeFolder, "--base-url", settings.BaseUrl };
        arguments.AddRange(extraArguments);
        var exitCode = await LdnSiteApp.Create().Parse(arguments).InvokeAsync();
        var result = await new SiteBuild(settings).RunAsync();
        return (exitCode, result.Diagnostics);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _root.Dispose();
    }

    /// <summary>Makes a named pipe at <paramref name="path"/> (nobody writes to it: a plain open for reading waits forever).</summary>
    public static void Mkfifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
    }
}
