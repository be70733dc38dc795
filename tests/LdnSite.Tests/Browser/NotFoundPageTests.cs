namespace LdnSite.Tests.Browser;

using Microsoft.Playwright;

/// <summary>The not-found page, served (as static hosts do) at a deep missing path.</summary>
[Collection("browser")]
[Trait("Category", "Slow")]
public sealed class NotFoundPageTests(BrowserFixture browser, ServedSiteFixture site)
{
    [Fact]
    public async Task A_missing_deep_path_gets_a_styled_not_found_page_whose_links_work()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        var response = await page.GotoAsync(site.Address + "no/such/page/");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        Assert.Equal("rgb(243, 246, 246)", await page.Locator(".site-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Safety and side effects" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.Address + "safety/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Safety and side effects");
        Assert.DoesNotContain(watched.Errors, e => !e.Contains("404", StringComparison.Ordinal));
    }
}
