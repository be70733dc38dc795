namespace LdnSite.Tests.Architecture;

using System.Text.RegularExpressions;
using LdnSite.Tests.Support;

/// <summary>Every result kept from one build for the next is declared in ReuseRegister; no module keeps a memo of its own.</summary>
public sealed partial class ReuseRegisterTests
{
    [Fact]
    public void Only_the_register_makes_memos_that_outlive_a_build()
    {
        var site = Path.Combine(RepositoryPaths.Root, "src", "LdnSite");
        var allowed = new[] { "ReuseRegister.cs", "SearchIndexMemory.cs" };
        var found = Directory.EnumerateFiles(site, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !allowed.Contains(Path.GetFileName(f)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(site, f), Line: i + 1, Text: line)))
            .Where(l => MemoMaking().IsMatch(l.Text))
            .Select(l => $"{l.File}({l.Line}): {l.Text.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "Declare it in Modules/ReuseRegister.cs instead:\n" + string.Join("\n", found));
    }

    // A cross-build memo made, or the build cache asked by a string name.
    [GeneratedRegex(@"new (SiteWideMemo|LastEntries|PerBuild|ConditionalWeakTable|ChunkNames)\b|SiteWideMemo<[^>]*>\s+_|Cache\.GetOrAdd\(")]
    private static partial Regex MemoMaking();
}
