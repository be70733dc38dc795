namespace LdnSite.Tests.Serve;

using System.Net;
using LdnSite.Engine.Pipelines;
using LdnSite.Serve;
using LdnSite.Tests.Support;

/// <summary>The dev server end to end: real Kestrel on loopback, real file watching, real event stream.</summary>
public sealed class DevServerTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly StringWriter _log = new();
    private ServedSite _site = null!;

    private DevServer _server => _site.Server;

    private TempFolder _temp => _site.Folder;

    public async Task InitializeAsync()
    {
        _site = await ServedSite.StartAsync(TextWriter.Synchronized(_log));
        Assert.True(_site.FirstBuild.Succeeded);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _http.Dispose();
    }

    private Task<string> GetAsync(string path) => _http.GetStringAsync(new Uri(_server.Address, path));

    private Task<BuildResult> NextBuildAsync() => _site.NextBuildAsync();

    private async Task<StreamReader> OpenEventsAsync()
    {
        var response = await _http.GetAsync(new Uri(_server.Address, LiveReload.EventsPath), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.StartsWith(":", await reader.ReadLineAsync());
        await reader.ReadLineAsync();
        return reader;
    }

    private static async Task<(string Event, string Data)> NextEventAsync(StreamReader reader)
    {
        var type = (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)))!;
        var data = (await reader.ReadLineAsync())!;
        await reader.ReadLineAsync();
        return (type["event: ".Length..], data["data: ".Length..]);
    }

    private void Edit(string file, Func<string, string> change) => _site.Edit(file, change);

    [Fact]
    public async Task Serves_home_and_section_pages_on_loopback_with_the_reload_script()
    {
        Assert.Equal(IPAddress.Loopback.ToString(), _server.Address.Host);
        var home = await _http.GetAsync(_server.Address);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("/_ldnsite/live-reload.js", await home.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Safety and side effects</h1>", await GetAsync("safety/"));
        Assert.Contains("EventSource", await GetAsync(LiveReload.ScriptPath));
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri(_server.Address, "no-such-page/"))).StatusCode);
    }

    [Fact]
    public async Task Editing_a_page_rebuilds_only_it_and_signals_a_reload()
    {
        using var events = await OpenEventsAsync();
        var built = _site.BuildWhereAsync(() => File.ReadAllText(_temp["output/safety/index.html"]).Contains("Common side effects reported", StringComparison.Ordinal));
        // The heading keeps its id, so links to it from other pages still work.
        Edit("safety.md", text => text.Replace("## Common side effects", "## Common side effects reported {#common-side-effects}"));

        var result = await built;
        Assert.True(result.Succeeded);
        Assert.Equal("reload", (await NextEventAsync(events)).Event);
        Assert.Contains("Common side effects reported", await GetAsync("safety/"));
        Assert.True(result.CacheHits >= 20, $"only {result.CacheHits} results were reused");
        // The dev server keeps the search index's name, so an edit does not change every page's HTML.
        Assert.StartsWith("window.LDN_SEARCH_MANIFEST=", await GetAsync("assets/search-index.js"));
        Assert.Contains("data-search-index=\"assets/search-index.js\"", await GetAsync("mechanism/"));
    }

    [Fact]
    public async Task A_save_names_the_page_and_none_of_the_editors_temporary_files()
    {
        var built = NextBuildAsync();
        // What vim, emacs, JetBrains, Office and atomic writers leave beside a save, then the save.
        foreach (var temporary in new[] { "4913", ".safety.md.swp", ".#safety.md", "safety.md~", "safety.md.tmp", "~$safety.md", "safety.md___jb_tmp___", "safety.md.2093483212" })
        {
            File.WriteAllText(_temp["input/" + temporary], "x");
        }

        Edit("safety.md", text => text + "\nOne more sentence [@smith2007].\n");
        Assert.True((await built).Succeeded);

        var changed = _log.ToString().Split('\n').Where(l => l.StartsWith("Changed", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, line => Assert.Equal("Changed: safety.md", line.TrimEnd()));
    }

    [Theory]
    [InlineData("4913", true)]
    [InlineData(".safety.md.swp", true)]
    [InlineData("safety.md~", true)]
    [InlineData(".#safety.md", true)]
    [InlineData("#safety.md#", true)]
    [InlineData("safety.md.tmp", true)]
    [InlineData("~$safety.docx", true)]
    [InlineData("safety.md___jb_old___", true)]
    [InlineData("safety.md.2093483212", true)]
    [InlineData("safety.md", false)]
    [InlineData("chart-2024.png", false)]
    [InlineData("page.html", false)]
    public void Editors_temporary_files_are_told_from_content(string name, bool temporary)
    {
        Assert.Equal(temporary, EditorFiles.IsTemporary(name));
    }

    [Fact]
    public async Task A_warning_is_shown_once_and_then_counted_while_it_stays()
    {
        var first = NextBuildAsync();
        File.WriteAllText(_temp["input/draft.md"], "---\ntitle: Draft\ndescription: TODO say what this page covers.\n---\n\nFirst text.\n");
        Assert.Contains((await first).Diagnostics, d => d.Code == "LDN008");

        var second = NextBuildAsync();
        Edit("draft.md", text => text.Replace("First text.", "Second text."));
        Assert.Contains((await second).Diagnostics, d => d.Code == "LDN008");

        var log = _log.ToString();
        Assert.Single(log.Split('\n'), line => line.Contains("draft.md", StringComparison.Ordinal) && line.Contains("LDN008", StringComparison.Ordinal));
        Assert.Contains("shown before and still there are not repeated", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_last_good_page_reports_the_error_and_recovers()
    {
        using var events = await OpenEventsAsync();
        var goodPage = await GetAsync("safety/");

        var broken = NextBuildAsync();
        Edit("safety.md", text => text.Replace("title: Safety and side effects", "title: [broken"));
        Assert.False((await broken).Succeeded);
        var (type, data) = await NextEventAsync(events);
        Assert.Equal("build-error", type);
        Assert.Contains("safety.md(2,", data);
        Assert.Equal(goodPage, await GetAsync("safety/"));
        Assert.Contains("safety.md(2,", _log.ToString());

        var fixedBuild = NextBuildAsync();
        Edit("safety.md", text => text.Replace("title: [broken", "title: Safety, fixed"));
        Assert.True((await fixedBuild).Succeeded);
        Assert.Equal("reload", (await NextEventAsync(events)).Event);
        Assert.Contains("<h1>Safety, fixed</h1>", await GetAsync("safety/"));
    }

    [Theory]
    [InlineData("review_interval_months: 12", "review_interval_months: 2000000000", "LDN007")]
    [InlineData("## Common side effects", "## Common side effects\n\n" + "> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > deep", "LDN012")]
    [InlineData("title: Safety and side effects", "title: Safety and side effects\nlayout: ../../etc", "LDN051")]
    public async Task A_bad_save_never_stops_the_server(string find, string replace, string code)
    {
        var goodPage = await GetAsync("safety/");
        var broken = NextBuildAsync();
        Edit("safety.md", text => text.Replace(find, replace));
        var result = await broken;
        Assert.Contains(result.Diagnostics, d => d.Code == code);
        Assert.Equal(goodPage, await GetAsync("safety/"));

        var fixedBuild = NextBuildAsync();
        Edit("safety.md", text => text.Replace(replace, find));
        Assert.True((await fixedBuild).Succeeded);
    }

    [Fact]
    public async Task The_dev_server_sends_the_production_security_headers()
    {
        var response = await _http.GetAsync(new Uri(_server.Address, "safety/"));
        foreach (var (name, value) in SecurityHeaders.All)
        {
            Assert.Equal(value, string.Join(", ", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.GetValues(name)));
        }
    }
}
