namespace LdnSite.Tests.Snapshots;

using LdnSite.Tests.Support;
using Xunit.Abstractions;

/// <summary>Builds the real site once and builds all its pages.</summary>
public sealed class RealSiteFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>Builds the real input with the real theme.</summary>
    public RealSiteFixture()
    {
        Output = _folder["site"];
        Result = TestSites.BuildAsync(TestSites.Settings(RepositoryPaths.Input, Output)).GetAwaiter().GetResult();
    }

    /// <summary>The output folder.</summary>
    public string Output { get; }

    /// <summary>The build's result.</summary>
    public LdnSite.Engine.Pipelines.BuildResult Result { get; }

    /// <inheritdoc />
    public void Dispose() => _folder.Dispose();
}

/// <summary>Every page of the real site against its reviewed snapshot.</summary>
public sealed class SiteSnapshotTests(RealSiteFixture site, ITestOutputHelper output) : IClassFixture<RealSiteFixture>
{
    /// <summary>Every Markdown page of the real site, by its output path.</summary>
    public static TheoryData<string> Pages() => new(PageOutputs());

    private static List<string> PageOutputs() =>
        Directory.EnumerateFiles(RepositoryPaths.Input, "*.md", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}_", StringComparison.Ordinal))
            .Select(file => Urls.SitePaths.DestinationOf(Path.GetRelativePath(RepositoryPaths.Input, file).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string SnapshotName(string page) => page.Replace("/index.html", "").Replace(".html", "").Replace('/', '.');

    [Fact]
    public void Real_site_builds_without_errors_or_warnings()
    {
        Assert.True(site.Result.Succeeded, string.Join("\n", site.Result.Diagnostics));
        Assert.Empty(site.Result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_matches_its_verified_snapshot(string page)
    {
        var html = File.ReadAllText(Path.Combine(site.Output, page));
        HtmlSnapshot.Verify(SnapshotName(page), html, output.WriteLine);
    }

    [Fact]
    public void Every_page_has_a_snapshot_and_no_snapshot_is_orphaned()
    {
        var expected = PageOutputs().Select(p => SnapshotName(p) + ".verified.html").ToList();
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "LdnSite.Tests", "Snapshots");
        var actual = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.verified.html").Select(f => Path.GetFileName(f)).ToList() : [];
        Assert.True(actual.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)), OrphanMessage(expected, actual));
    }

    /// <summary>Names each snapshot without a page (to delete) and each page without a snapshot (to accept).</summary>
    internal static string OrphanMessage(IReadOnlyCollection<string> expected, IReadOnlyCollection<string> actual)
    {
        var orphans = actual.Except(expected, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var missing = expected.Except(actual, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lines = new List<string>();
        if (orphans.Count > 0)
        {
            lines.Add($"{orphans.Count} snapshot(s) belong to no page (the page was removed or renamed); delete them: {string.Join(", ", orphans.Select(o => "tests/LdnSite.Tests/Snapshots/" + o))}");
        }

        if (missing.Count > 0)
        {
            lines.Add($"{missing.Count} page(s) have no snapshot yet: {string.Join(", ", missing)}; accept them with {HtmlSnapshot.AcceptCommand}");
        }

        return string.Join("\n", lines);
    }
}
