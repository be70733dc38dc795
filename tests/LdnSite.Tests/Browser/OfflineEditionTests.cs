namespace LdnSite.Tests.Browser;

using System.IO.Compression;
using System.Security.Cryptography;
using LdnSite.Offline;
using LdnSite.Tests.Support;
using Microsoft.Playwright;

/// <summary>Builds the offline zip of the real site once, and unzips it as a reader would.</summary>
public sealed class OfflineZipFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    /// <summary>The zip.</summary>
    public string Zip => _folder["first/" + OfflineEdition.FileName];

    /// <summary>A second build of the same input.</summary>
    public string SecondZip => _folder["second/" + OfflineEdition.FileName];

    /// <summary>Where the zip was extracted: its one top-level folder.</summary>
    public string Unzipped => _folder["unzipped/" + OfflineEdition.TopFolder];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var settings = TestSites.Settings(RepositoryPaths.Input, _folder["unused"]);
        Assert.True((await OfflineEdition.BuildAsync(settings, Zip)).Succeeded);
        Assert.True((await OfflineEdition.BuildAsync(settings, SecondZip)).Succeeded);
        ZipFile.ExtractToDirectory(Zip, _folder["unzipped"]);
        // Unzipping makes exactly one folder.
        Assert.Equal([OfflineEdition.TopFolder], Directory.EnumerateFileSystemEntries(_folder["unzipped"]).Select(Path.GetFileName));
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The offline edition, unzipped and read in Chromium from file://.</summary>
[Collection("browser")]
[Trait("Category", "Slow")]
public sealed class OfflineEditionTests(BrowserFixture browser, OfflineZipFixture offline) : IClassFixture<OfflineZipFixture>
{
    [Fact]
    public void Two_builds_give_the_same_bytes()
    {
        Assert.Equal(Sha256(offline.Zip), Sha256(offline.SecondZip));
    }

    [Fact]
    public void The_zip_has_a_readme_and_sorted_entries()
    {
        using var archive = ZipFile.OpenRead(offline.Zip);
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(names, n => Assert.StartsWith(OfflineEdition.TopFolder + "/", n));
        Assert.Contains("ldn-knowledge-base/README.txt", names);
        Assert.Contains("ldn-knowledge-base/index.html", names);
        Assert.DoesNotContain(names, n => n.EndsWith(".ldnsite-output", StringComparison.Ordinal));
        var readme = new StreamReader(archive.GetEntry("ldn-knowledge-base/README.txt")!.Open()).ReadToEnd();
        Assert.Contains("Open index.html", readme);
        Assert.Contains("Built on 25 November 2026", readme);
    }

    [Fact]
    public async Task Every_internal_link_of_every_page_loads_from_file_without_errors_or_network()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        var failedAssets = new List<string>();
        page.RequestFailed += (_, request) => failedAssets.Add(request.Url);

        var start = new Uri(Path.Combine(offline.Unzipped, "index.html")).AbsoluteUri;
        var queue = new Queue<string>([start]);
        var visited = new HashSet<string>();
        var problems = new List<string>();
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            if (!visited.Add(url))
            {
                continue;
            }

            var response = await page.GotoAsync(url);
            var path = new Uri(url).LocalPath;
            if (!File.Exists(path))
            {
                problems.Add($"{url}: no such file (a folder listing or a missing page)");
                continue;
            }

            if (await page.TitleAsync() is var title && title.StartsWith("Index of", StringComparison.Ordinal))
            {
                problems.Add($"{url}: folder listing");
            }

            // SVG links (the evidence map) have an SVGAnimatedString href, so every link is resolved the same way.
            var links = await page.Locator("a[href]").EvaluateAllAsync<string[]>("els => els.map(a => new URL(a.getAttribute('href'), document.baseURI).href)");
            foreach (var link in links.Where(l => l.StartsWith("file://", StringComparison.Ordinal)))
            {
                var withoutFragment = link.Split('#')[0].Split('?')[0];
                if (withoutFragment.EndsWith(".html", StringComparison.Ordinal))
                {
                    queue.Enqueue(withoutFragment);
                }
                else if (!File.Exists(new Uri(withoutFragment).LocalPath))
                {
                    problems.Add($"{url}: link to missing file {link}");
                }
            }
        }

        Assert.True(visited.Count >= 13, $"crawled only {visited.Count} pages");
        Assert.Empty(problems);
        Assert.Empty(failedAssets);
        Assert.Empty(watched.Errors);
        Assert.Empty(watched.NetworkRequests);
    }

    [Fact]
    public async Task Search_works_from_file_and_opens_a_result()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(new Uri(Path.Combine(offline.Unzipped, "faq", "index.html")).AbsoluteUri);
        await page.Locator("#search-input").FillAsync("titration");
        await page.Locator("#search-results .search-option").First.WaitForAsync();
        await page.Keyboard.PressAsync("Enter");
        // The best result is the Dosage and titration page itself (its own entry carries the title).
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^file://.*/dosage/index\\.html\\?hl=titration(#.*)?$"));
        Assert.Contains("index.html", page.Url);
        Assert.Empty(watched.Errors);
        Assert.Empty(watched.NetworkRequests);
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
