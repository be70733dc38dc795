namespace LdnSite.Tests.Browser;

using LdnSite.Serve;
using LdnSite.Tests.Support;
using Microsoft.Playwright;
using LdnSite.Urls;

/// <summary>Builds the real site once, serves it over HTTP with Kestrel, and also opens it from file://.</summary>
public sealed class ServedSiteFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private StaticSiteServer? _server;

    /// <summary>The built site (pretty links, for HTTP).</summary>
    public string Output => _folder["site"];

    /// <summary>The same site built with file links, as the offline edition is.</summary>
    public string OfflineOutput => _folder["offline"];

    /// <summary>The offline build with search chunks split at 40 postings, so most chunks are split.</summary>
    public string SplitChunksOutput => _folder["split"];

    /// <summary>Where the HTTP server listens.</summary>
    public Uri Address => _server!.Address;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var result = await TestSites.BuildAsync(TestSites.Settings(RepositoryPaths.Input, Output));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var offline = await TestSites.BuildAsync(TestSites.Settings(RepositoryPaths.Input, OfflineOutput) with { LinkStyle = LinkStyle.File });
        Assert.True(offline.Succeeded, string.Join("\n", offline.Diagnostics));
        var split = await TestSites.BuildAsync(TestSites.Settings(RepositoryPaths.Input, SplitChunksOutput) with { LinkStyle = LinkStyle.File, SearchChunkPostings = 40 });
        Assert.True(split.Succeeded, string.Join("\n", split.Diagnostics));
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
[Trait("Category", "Slow")]
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
    public async Task The_manifest_loads_when_search_is_first_used_and_chunks_when_a_query_needs_them()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(site.Address.ToString());
        Assert.DoesNotContain(requested, r => r.Contains("/search", StringComparison.Ordinal));
        await page.Locator("#search-input").FocusAsync();
        await page.WaitForFunctionAsync("() => window.LDN_SEARCH_MANIFEST !== undefined");
        Assert.Contains(requested, r => r.Contains("/assets/search-index.", StringComparison.Ordinal));
        Assert.DoesNotContain(requested, r => r.Contains("/assets/search/chunk.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public async Task A_query_loads_only_the_chunks_of_its_words_and_the_pages_it_shows(string origin)
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(HomeUrl(origin));
        await SearchAsync(page, "cytokine");
        // Every part of the index is a script element site.js adds, over HTTP and from file:// alike.
        var loaded = await page.EvaluateAsync<string[]>("() => Array.from(document.scripts, s => s.src)");
        var chunks = loaded.Count(u => u.Contains("/assets/search/chunk.", StringComparison.Ordinal));
        var pages = loaded.Count(u => u.Contains("/search/pages/", StringComparison.Ordinal));
        var available = await page.EvaluateAsync<int>("() => Object.keys(window.LDN_SEARCH_MANIFEST.chunks).length");
        var groups = await page.Locator("#search-results .search-group").CountAsync();
        // "cytokine" and every word one typo from it start with "cy": one chunk of the index's many.
        Assert.Equal(1, chunks);
        Assert.True(available > 100, $"{available} chunks");
        Assert.Equal(groups, pages);
        Assert.Empty(watched.Errors);
    }

    private static readonly string[] RankingQueries =
    [
        "cytokine", "inflamation", "insomnia", "dose", "low dose naltrexone", "LDN", "MS", "cree", "side effects",
        "naltrexone", "sleep", "fibro", "d", "pregnancy", "opioid", "Crohn's disease", "vivid dreams", "evidence",
        "rheumatoid arthritis", "long covid", "how much should I take", "xyzzy",
    ];

    [Theory]
    [InlineData("http")]
    [InlineData("file")]
    [InlineData("file, chunks split at 40 postings")]
    public async Task The_split_index_ranks_every_query_as_one_index_of_every_section_did(string origin)
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(origin.StartsWith("file, ", StringComparison.Ordinal)
            ? new Uri(Path.Combine(site.SplitChunksOutput, "index.html")).AbsoluteUri
            : HomeUrl(origin));
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "LdnSite.Tests", "Browser", "SingleIndexReference.js"));
        var queries = RankingQueries;
        var result = await page.EvaluateAsync<System.Text.Json.JsonElement>(script, queries);
        if (origin.StartsWith("file, ", StringComparison.Ordinal))
        {
            // The point of this build: keys longer than two letters exist, and queries loaded them.
            Assert.True(await page.EvaluateAsync<bool>("() => Object.keys(window.LDN_SEARCH_MANIFEST.chunks).some(k => k.length > 2)"));
            Assert.True(await page.EvaluateAsync<bool>("() => Array.from(document.scripts).some(s => s.src.includes('/assets/search/chunk.'))"));
        }

        Assert.Equal(result.GetProperty("documents").GetInt32(), result.GetProperty("documentCount").GetInt32());
        var nonEmpty = 0;
        foreach (var query in queries)
        {
            var split = Ranking(result.GetProperty("split").GetProperty(query));
            var single = Ranking(result.GetProperty("single").GetProperty(query));
            Assert.True(single.SequenceEqual(split), $"'{query}': single index {string.Join(" ", single.Take(12))} …, split index {string.Join(" ", split.Take(12))} …");
            nonEmpty += split.Count > 0 ? 1 : 0;
        }

        // The list is meant to exercise matches: all but the nonsense word find something.
        Assert.Equal(queries.Length - 1, nonEmpty);
        Assert.Empty(watched.Errors);
    }

    // Hits as "id:score", best first; scores to nine decimals (the two indexes add the same terms'
    // scores in different orders, which moves the last bits), equal scores by id.
    private static List<string> Ranking(System.Text.Json.JsonElement hits) =>
        [.. hits.EnumerateArray()
            .Select(h => (Id: h[0].GetInt64(), Score: Math.Round(h[1].GetDouble(), 9)))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Id)
            .Select(h => $"{h.Id}:{h.Score.ToString("0.000000000", System.Globalization.CultureInfo.InvariantCulture)}")];

    [Fact]
    public async Task The_results_shown_are_the_best_pages_of_the_whole_ranking_each_with_its_best_sections()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(HomeUrl("http"));
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "LdnSite.Tests", "Browser", "ShownFromFullRanking.js"));
        var results = await page.EvaluateAsync<System.Text.Json.JsonElement>(script, RankingQueries);
        foreach (var result in results.EnumerateArray())
        {
            Assert.True(
                result.GetProperty("expected").GetString() == result.GetProperty("actual").GetString(),
                $"'{result.GetProperty("query").GetString()}': expected {result.GetProperty("expected").GetString()}, shown {result.GetProperty("actual").GetString()}");
        }

        // The scorer orders only the best 24 hits when there are more (and more when those are on fewer
        // than eight pages): some queries must have more.
        Assert.Contains(results.EnumerateArray(), r => r.GetProperty("hits").GetInt32() > 24);
        Assert.Empty(watched.Errors);
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public async Task Two_searches_at_once_each_get_their_own_results(string origin)
    {
        // The search page's query and the header box's can be scored before either is ranked;
        // the scorer's tables are shared, so each must be read in the step it is made.
        var watched = await browser.NewPageAsync();
        await watched.Page.GotoAsync(HomeUrl(origin));
        var pairs = new[] { new[] { "pain", "pain relief" }, new[] { "dose", "dose sleep" }, new[] { "sleep", "sleep dreams" }, new[] { "trial", "trial children" }, new[] { "crohn", "crohn children" } };
        var results = await watched.Page.EvaluateAsync<bool[][]>("""
            async (pairs) => {
              const shape = (g) => JSON.stringify({ total: g.total, pages: g.totalPages, groups: g.map((x) => [x.page, x.sections.map((s) => [s.index, s.terms])]) });
              const order = (g) => JSON.stringify(g.map((x) => [x.page, x.sections.map((s) => s.index)]));
              const out = [];
              for (const [a, b] of pairs) {
                const both = await Promise.all([window.LdnSearch.query(a), window.LdnSearch.query(b)]);
                const one = await window.LdnSearch.query(a);
                const two = await window.LdnSearch.query(b);
                out.push([shape(both[0]) === shape(one), shape(both[1]) === shape(two), order(one) !== order(two)]);
              }
              return out;
            }
            """, pairs);
        Assert.All(results, r => Assert.True(r[0] && r[1], string.Join(" ", results.Select(x => string.Join(",", x)))));
        // Meaningful only if some pair's second query orders the first one's hits differently.
        Assert.Contains(results, r => r[2]);
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task When_one_page_holds_the_best_hits_the_results_still_show_eight_pages()
    {
        // "Atlas" has 30 short sections about zebras, which outrank the nine pages that name a zebra
        // once, so the best 24 hits are on one page and the scorer must look further for eight.
        using var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        temp.Write("input/atlas.md", TestSites.Page("Atlas", string.Join("\n\n", Enumerable.Range(1, 30).Select(i => $"## Part {i}\n\nZebra zebra stripes."))));
        foreach (var i in Enumerable.Range(1, 9))
        {
            temp.Write($"input/animal-{i}.md", TestSites.Page($"Animal {i}", "A long paragraph about many animals of the plains, their food, their herds and their habits, which mentions a zebra only once among all of them."));
        }

        var build = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]) with { LinkStyle = LinkStyle.File });
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        var watched = await browser.NewPageAsync();
        await watched.Page.GotoAsync(new Uri(Path.Combine(temp["output"], "index.html")).AbsoluteUri);
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "LdnSite.Tests", "Browser", "ShownFromFullRanking.js"));
        var result = (await watched.Page.EvaluateAsync<System.Text.Json.JsonElement>(script, new[] { "zebra" }))[0];
        Assert.Equal(1, result.GetProperty("pagesInFirst24").GetInt32());
        Assert.Equal(result.GetProperty("expected").GetString(), result.GetProperty("actual").GetString());
        Assert.Contains("\"pages\":10", result.GetProperty("actual").GetString(), StringComparison.Ordinal);
        Assert.Empty(watched.Errors);
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public async Task Broad_words_rank_the_page_about_them_first(string origin)
    {
        var watched = await browser.NewPageAsync();
        await watched.Page.GotoAsync(HomeUrl(origin));
        var titles = await watched.Page.EvaluateAsync<string[]>("async q => (await window.LdnSearch.query(q)).map(g => g.title)", "dose");
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
