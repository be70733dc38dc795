namespace LdnSite.Tests.Browser;

using LdnSite.Serve;
using LdnSite.Tests.Support;
using Microsoft.Playwright;

/// <summary>Builds the real site once, serves it over HTTP with Kestrel, and also opens it from file://.</summary>
public sealed class ServedSiteFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StaticSiteServer? _server;

    /// <summary>The built site (pretty links, for HTTP).</summary>
    public string Output => _folder["site"];

    /// <summary>The same site built with file links, as the offline edition is.</summary>
    public string OfflineOutput => _folder["offline"];

    /// <summary>Where the HTTP server listens.</summary>
    public Uri Address => _server!.Address;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var result = await TestSites.BuildAsync(TestSites.Settings(RepositoryPaths.Input, Output));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var offline = await TestSites.BuildAsync(TestSites.Settings(RepositoryPaths.Input, OfflineOutput) with { LinkStyle = LinkStyle.File });
        Assert.True(offline.Succeeded, string.Join("\n", offline.Diagnostics));
        _server = new StaticSiteServer(Output);
        await _server.StartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _folder.Dispose();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<ServedSiteFixture>;

/// <summary>Search as a reader uses it, in Chromium, over HTTP and from file://.</summary>
[Collection("browser")]
public sealed class SearchBrowserTests(BrowserFixture browser, ServedSiteFixture site)
{
    public static TheoryData<string> Origins => new() { "http", "file" };

    private string HomeUrl(string origin) => origin == "http"
        ? site.Address.ToString()
        : new Uri(Path.Combine(site.OfflineOutput, "index.html")).AbsoluteUri;

    private static async Task<IReadOnlyList<string>> SearchAsync(IPage page, string query)
    {
        var input = page.Locator("#search-input");
        await input.FocusAsync();
        await input.FillAsync(query);
        await page.Locator("#search-results:not([hidden])").WaitForAsync();
        await page.WaitForFunctionAsync("q => document.getElementById('search-status').textContent.length > 0 && document.getElementById('search-input').value === q", query);
        return await page.Locator("#search-results .search-option").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public async Task Cytokine_lists_the_mechanism_section_first(string origin)
    {
        var watched = await browser.NewPageAsync();
        await watched.Page.GotoAsync(HomeUrl(origin));
        var results = await SearchAsync(watched.Page, "cytokine");
        Assert.Contains("mechanism/", results[0]);
        Assert.Contains("#effects-on-immune-signalling-and-cytokines", results[0]);
        Assert.Empty(watched.Errors);
        Assert.Empty(watched.NetworkRequests);
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public async Task A_typo_still_finds_inflammation(string origin)
    {
        var watched = await browser.NewPageAsync();
        await watched.Page.GotoAsync(HomeUrl(origin));
        var results = await SearchAsync(watched.Page, "inflamation");
        Assert.Contains(results, r => r.Contains("mechanism/", StringComparison.Ordinal) && r.EndsWith("#inflammation", StringComparison.Ordinal));
        var headings = await watched.Page.Locator("#search-results .search-option__heading mark").AllTextContentsAsync();
        Assert.Contains(headings, h => h.Equals("inflammation", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public async Task Insomnia_finds_the_side_effects_section_and_enter_opens_it_in_view(string origin)
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(HomeUrl(origin));
        var results = await SearchAsync(page, "insomnia");
        Assert.Contains(results, r => r.Contains("safety/", StringComparison.Ordinal) && r.EndsWith("#common-side-effects", StringComparison.Ordinal));

        var target = results.First(r => r.EndsWith("#common-side-effects", StringComparison.Ordinal));
        var index = results.ToList().IndexOf(target);
        for (var i = 0; i <= index; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("safety/.*#common-side-effects$"));
        var heading = page.Locator("#common-side-effects");
        await Assertions.Expect(heading).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("mark.search-hit").First).ToHaveTextAsync("insomnia");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear highlight" }).ClickAsync();
        Assert.Equal(0, await page.Locator("mark.search-hit").CountAsync());
        Assert.Empty(watched.Errors);
        Assert.Empty(watched.NetworkRequests);
    }

    [Fact]
    public async Task Slash_focuses_search_escape_closes_and_no_results_is_announced()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Address + "safety/");
        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page.Locator("#search-input")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("zzqxv");
        await Assertions.Expect(page.Locator(".search-empty")).ToContainTextAsync("No results for “zzqxv”");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("No results");
        Assert.Equal("true", await page.Locator("#search-input").GetAttributeAsync("aria-expanded"));
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#search-results")).ToBeHiddenAsync();
        Assert.Equal("false", await page.Locator("#search-input").GetAttributeAsync("aria-expanded"));
    }

    [Fact]
    public async Task Results_are_grouped_by_page_and_the_search_page_can_be_linked_to()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Address + "search/?q=side+effects");
        await Assertions.Expect(page.Locator("#search-page-status")).ToContainTextAsync("results on");
        var groups = await page.Locator("#search-page-results .search-group__page").AllTextContentsAsync();
        Assert.Equal(groups.Distinct().Count(), groups.Count);
        Assert.Contains("Safety and side effects", groups);
        Assert.Equal("side effects", await page.Locator("#search-page-input").InputValueAsync());
    }

    [Fact]
    public async Task The_index_is_loaded_only_when_search_is_first_used()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(site.Address.ToString());
        Assert.DoesNotContain(requested, r => r.Contains("/search-index.", StringComparison.Ordinal));
        await page.Locator("#search-input").FocusAsync();
        await page.WaitForFunctionAsync("() => window.LDN_SEARCH_INDEX !== undefined");
        Assert.Contains(requested, r => r.Contains("/search-index.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public async Task Broad_words_rank_the_page_about_them_first(string origin)
    {
        var watched = await browser.NewPageAsync();
        await watched.Page.GotoAsync(HomeUrl(origin));
        var groups = await watched.Page.EvaluateAsync<string[]>("async q => { await window.LdnSearch.ready(); return window.LdnSearch.query(q).map(g => g.page); }", "dose");
        var titles = await watched.Page.EvaluateAsync<string[]>("ids => ids.map(i => window.LDN_SEARCH_INDEX.pages[i][0])", groups);
        Assert.StartsWith("Dosage", titles[0]);
        Assert.Empty(watched.Errors);
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public async Task An_abbreviation_finds_what_it_stands_for_and_sources_are_results(string origin)
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(HomeUrl(origin));
        var ms = await SearchAsync(page, "MS");
        Assert.Contains("#multiple-sclerosis", ms[0], StringComparison.Ordinal);
        var cree = await SearchAsync(page, "cree");
        Assert.Contains(cree, href => href.EndsWith("#source-cree2010", StringComparison.Ordinal));
        Assert.Contains("Sources", await page.Locator("#search-results .search-group__page").AllTextContentsAsync());
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task The_count_is_of_every_match_not_only_those_shown()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Address + "search/?q=naltrexone");
        await page.WaitForFunctionAsync("document.getElementById('search-page-status').textContent.length > 0");
        var status = await page.Locator("#search-page-status").TextContentAsync();
        var shown = await page.Locator("#search-page-results .search-option").CountAsync();
        var total = int.Parse(status!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > shown, status);
        Assert.Contains($"showing the best {shown}", status);
        // One query on the page: the header box says what the results are for.
        Assert.Equal("naltrexone", await page.InputValueAsync("#search-input"));
    }
}
