namespace LdnSite.Tests.Support;

using System.Runtime.CompilerServices;

/// <summary>Paths in the repository, found from this source file so tests run from any folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The real content.</summary>
    public static string Input => Path.Combine(Root, "input");

    /// <summary>The real theme.</summary>
    public static string Theme => Path.Combine(Root, "theme");

    /// <summary>Small fixture sites beside the tests.</summary>
    public static string Fixture(string name) => Path.Combine(Root, "tests", "LdnSite.Tests", "Fixtures", name);

    private static string FindRoot([CallerFilePath] string path = "")
    {
        for (var folder = new DirectoryInfo(Path.GetDirectoryName(path)!); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LdnSite.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
