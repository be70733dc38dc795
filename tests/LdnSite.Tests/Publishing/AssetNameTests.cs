namespace LdnSite.Tests.Publishing;

using LdnSite.Tests.Safety;
using LdnSite.Tests.Support;
using LdnSite.Build;

/// <summary>Hashed asset names change when, and only when, their content changes.</summary>
public sealed class AssetNameTests
{
    private static Dictionary<string, string> AssetNames(string output) =>
        Directory.EnumerateFiles(Path.Combine(output, "assets"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("assets/search/", StringComparison.Ordinal))
            .ToDictionary(f => System.Text.RegularExpressions.Regex.Replace(f, @"\.[0-9a-f]{10}(\.[a-z]+)$", "$1"), f => f);

    private static HashSet<string> Chunks(string output) =>
        [.. Directory.EnumerateFiles(Path.Combine(output, "assets", "search")).Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public async Task A_name_changes_with_its_content_and_only_then()
    {
        using var site = new HostileSite();
        var theme = site.CopyTheme();
        var settings = site.Settings with { ThemeFolder = theme };
        Assert.True((await new SiteBuild(settings).RunAsync()).Succeeded);
        var first = AssetNames(site["output"]);
        Assert.Matches(@"^assets/css/site\.[0-9a-f]{10}\.css$", first["assets/css/site.css"]);

        // The same input gives the same names.
        Assert.True((await new SiteBuild(settings).RunAsync()).Succeeded);
        Assert.Equal(first, AssetNames(site["output"]));

        // A CSS change renames the stylesheet alone; pages point at the new name.
        File.AppendAllText(Path.Combine(theme, "assets", "css", "site.css"), "\n.changed { color: red; }\n");
        Assert.True((await new SiteBuild(settings).RunAsync()).Succeeded);
        var second = AssetNames(site["output"]);
        Assert.NotEqual(first["assets/css/site.css"], second["assets/css/site.css"]);
        Assert.Equal(first.Where(n => n.Key != "assets/css/site.css"), second.Where(n => n.Key != "assets/css/site.css"));
        Assert.Contains($"href=\"../{second["assets/css/site.css"]}\"", File.ReadAllText(site["output/safety/index.html"]));

        // New page text renames the search manifest alone, and the chunks of the words that changed.
        var chunksBefore = Chunks(site["output"]);
        site.Write("input/safety.md", "---\ntitle: Safety\ndescription: About Safety.\n---\n\nNew words here [@smith2007].\n");
        Assert.True((await new SiteBuild(settings).RunAsync()).Succeeded);
        var third = AssetNames(site["output"]);
        Assert.NotEqual(second["assets/search-index.js"], third["assets/search-index.js"]);
        Assert.Equal(second.Where(n => n.Key != "assets/search-index.js"), third.Where(n => n.Key != "assets/search-index.js"));
        Assert.Contains($"data-search-index=\"{third["assets/search-index.js"]}\"", File.ReadAllText(site["output/index.html"]));
        var chunksAfter = Chunks(site["output"]);
        Assert.NotEmpty(chunksAfter.Except(chunksBefore));
        Assert.NotEmpty(chunksAfter.Intersect(chunksBefore));
    }

    [Fact]
    public async Task Scripts_and_the_style_sheet_are_published_minified()
    {
        using var site = new HostileSite();
        Assert.True((await new SiteBuild(site.Settings).RunAsync()).Succeeded);
        var names = AssetNames(site["output"]);
        long Published(string logical) => new FileInfo(site["output/" + names[logical]]).Length;

        // npm publishes MiniSearch unminified (86 KB); minified it is about a fifth of that.
        var npm = new FileInfo(Path.Combine(RepositoryPaths.Theme, "node_modules", "minisearch", "dist", "umd", "index.js")).Length;
        Assert.InRange(Published("assets/vendor/minisearch.js"), 1, npm * 3 / 10);

        // The theme's script loses its comments (this one explains the scorer's heap in site.js).
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Theme, "assets", "js", "site.js"));
        Assert.Contains("a heap whose root is the worst kept", source, StringComparison.Ordinal);
        var script = File.ReadAllText(site["output/" + names["assets/js/site.js"]]);
        Assert.DoesNotContain("a heap whose root is the worst kept", script, StringComparison.Ordinal);
        Assert.InRange(script.Length, 1, source.Length * 6 / 10);
        Assert.InRange(Published("assets/css/site.css"), 1, new FileInfo(Path.Combine(RepositoryPaths.Theme, "assets", "css", "site.css")).Length * 9 / 10);
    }
}
