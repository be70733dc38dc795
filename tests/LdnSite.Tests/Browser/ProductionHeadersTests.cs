namespace LdnSite.Tests.Browser;

using LdnSite.Serve;
using LdnSite.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Tomlyn;
using Tomlyn.Model;

/// <summary>
/// The built site served with exactly the headers netlify.toml gives each path (read with a real
/// TOML parser), opened in Chromium: every page and a not-found page deep in the tree load with
/// their styles and without a single Content-Security-Policy violation or console error.
/// </summary>
[Collection("browser")]
[Trait("Category", "Slow")]
public sealed class ProductionHeadersTests(BrowserFixture browser, ServedSiteFixture site) : IAsyncLifetime
{
    private StaticSiteServer? _server;

    public async Task InitializeAsync()
    {
        var rules = ((TomlTableArray)TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "netlify.toml")))!["headers"])
            .Select(r => (Pattern: (string)r["for"], Values: ((TomlTable)r["values"]).ToDictionary(v => v.Key, v => (string)v.Value!)))
            .ToList();
        _server = new StaticSiteServer(site.Output, 0, app => app.Use(async (context, next) =>
        {
            // Netlify's rule: "/x/*" matches everything under /x/; "/*" matches every path.
            foreach (var (pattern, values) in rules.Where(r => context.Request.Path.Value!.StartsWith(r.Pattern.TrimEnd('*'), StringComparison.Ordinal)))
            {
                foreach (var (name, value) in values)
                {
                    context.Response.Headers[name] = value;
                }
            }

            await next(context);
        }));
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public static TheoryData<string> Paths()
    {
        var paths = new TheoryData<string>();
        foreach (var page in SiteOutputs())
        {
            paths.Add(page);
        }

        paths.Add("a/b/c/");
        return paths;
    }

    private static IEnumerable<string> SiteOutputs() =>
        Directory.EnumerateFiles(RepositoryPaths.Input, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Input, f).Replace('\\', '/'))
            .Select(LdnSite.Urls.SitePaths.DestinationOf)
            .Select(d => d == "index.html" ? "" : d.EndsWith("/index.html", StringComparison.Ordinal) ? d[..^"index.html".Length] : d)
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Page_loads_under_the_production_headers(string path)
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        var response = await page.GotoAsync(_server!.Address + path);
        Assert.NotNull(response);
        Assert.StartsWith("max-age=31536000", response!.Headers["strict-transport-security"]);
        Assert.Equal(path == "a/b/c/" ? 404 : 200, response.Status);

        // The stylesheet applied (the header's background comes from it), and the script ran.
        var header = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.site-header')).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", header);
        await page.FocusAsync("#search-input");
        await page.Keyboard.TypeAsync("dose");
        await page.Locator("#search-results [role=option]").First.WaitForAsync();
        Assert.Empty(violations);
        // Chromium reports the not-found page's own 404 status; anything else is a real failure.
        var expected = path == "a/b/c/" && watched.Errors.Count == 1 ? 1 : 0;
        Assert.Equal(expected, watched.Errors.Count(e => e.Contains("status of 404", StringComparison.Ordinal)));
        Assert.Equal(expected, watched.Errors.Count);
    }
}
