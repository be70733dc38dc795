namespace LdnSite.Tests.Browser;

using LdnSite.Serve;
using LdnSite.Tests.Support;
using Microsoft.Playwright;

/// <summary>The dev server's page script in Chromium: reload on save, overlay on a broken build, recovery.</summary>
[Collection("browser")]
[Trait("Category", "Slow")]
public sealed class LiveReloadBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private ServedSite _site = null!;

    private DevServer _server => _site.Server;

    public async Task InitializeAsync() => _site = await ServedSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private void Edit(Func<string, string> change) => _site.Edit("safety.md", change);

    [Fact]
    public async Task A_save_reloads_the_page_a_broken_save_shows_the_error_and_a_fix_recovers()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(_server.Address + "safety/");
        for (var waited = 0; _server.ConnectedPages == 0 && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, _server.ConnectedPages);

        Edit(text => text.Replace("title: Safety and side effects", "title: Safety, edited"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Safety, edited", new() { Timeout = 15_000 });

        Edit(text => text.Replace("title: Safety, edited", "title: [broken"));
        var overlay = page.Locator("#ldnsite-build-error");
        await Assertions.Expect(overlay).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(overlay).ToContainTextAsync("safety.md(2,");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Safety, edited");

        Edit(text => text.Replace("title: [broken", "title: Safety, fixed"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Safety, fixed", new() { Timeout = 15_000 });
        await Assertions.Expect(overlay).ToHaveCountAsync(0);
    }
}
