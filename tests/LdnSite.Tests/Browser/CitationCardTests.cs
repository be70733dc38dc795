namespace LdnSite.Tests.Browser;

using Microsoft.Playwright;

/// <summary>A citation shows its study's facts beside the claim, by pointer, keyboard and touch.</summary>
[Collection("browser")]
[Trait("Category", "Slow")]
public sealed class CitationCardTests(BrowserFixture browser, ServedSiteFixture site)
{
    private const string Mark = "sup.citation a[role=doc-noteref] >> nth=0";

    private Uri Safety => new(site.Address, "conditions/");

    [Fact]
    public async Task Hovering_a_citation_shows_the_studys_facts()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(Safety.ToString());
        var card = page.Locator("#cite-card");
        Assert.False(await card.IsVisibleAsync());

        await page.HoverAsync(Mark);
        await card.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var text = await card.TextContentAsync();
        // Sources keep one number across the site; the card names the mark's.
        var number = await page.Locator(Mark).TextContentAsync();
        Assert.StartsWith("Reference " + number, text);
        // The same facts as the numbered reference: design, and a link to the source.
        var reference = await page.Locator($"#ref-{number} .ref__design").TextContentAsync();
        Assert.Contains(reference!, text);
        Assert.True(await card.Locator(".ref__links a[href^='https://']").CountAsync() > 0);
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task Keyboard_focus_shows_the_card_and_escape_returns_to_the_mark()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(Safety.ToString());
        var mark = page.Locator(Mark);
        await mark.FocusAsync();
        var card = page.Locator("#cite-card");
        await card.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal("cite-card", await mark.GetAttributeAsync("aria-describedby"));

        await page.Keyboard.PressAsync("Escape");
        await card.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.True(await mark.EvaluateAsync<bool>("m => document.activeElement === m"));
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task A_tap_shows_the_card_without_leaving_the_claim_and_a_tap_elsewhere_closes_it()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { HasTouch = true, IsMobile = true, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Safety.ToString());
        var mark = page.Locator(Mark);
        await mark.ScrollIntoViewIfNeededAsync();
        await mark.TapAsync();
        var card = page.Locator("#cite-card");
        await card.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.DoesNotContain("#ref-", page.Url);

        // The card fits on a phone screen and its link to the reference is a real target.
        var box = (await card.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"card at {box.X}+{box.Width}");
        var more = (await card.Locator(".cite-card__more").BoundingBoxAsync())!;
        Assert.True(more.Height >= 24, $"link is {more.Height} px tall");

        await page.Locator("h1").TapAsync();
        await card.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    [Fact]
    public async Task The_evidence_table_sorts_by_size()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(new Uri(site.Address, "evidence/").ToString());
        await page.ClickAsync("th[data-sort=size] button");
        var sizes = await page.Locator("table.studies tbody tr").EvaluateAllAsync<int[]>("rows => rows.map(r => Number(r.dataset.size))");
        Assert.Equal(sizes.Order(), sizes);
        Assert.Equal("ascending", await page.GetAttributeAsync("th[data-sort=size]", "aria-sort"));
        await page.ClickAsync("th[data-sort=size] button");
        sizes = await page.Locator("table.studies tbody tr").EvaluateAllAsync<int[]>("rows => rows.map(r => Number(r.dataset.size))");
        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.Empty(watched.Errors);
    }
}
