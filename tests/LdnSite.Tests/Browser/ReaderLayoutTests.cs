namespace LdnSite.Tests.Browser;

using LdnSite.Tests.Support;
using Microsoft.Playwright;

/// <summary>The reader's view on a phone (390×844), on a desktop (1280×900) and on paper, in Chromium.</summary>
[Collection("browser")]
[Trait("Category", "Slow")]
public sealed class ReaderLayoutTests(BrowserFixture browser, ServedSiteFixture site)
{
    /// <summary>Every page with medical content: what a reader opens.</summary>
    public static TheoryData<string> ContentPages()
    {
        var pages = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Input, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("hide_from_nav: true", StringComparison.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                pages.Add(name == "index" ? "" : name + "/");
            }
        }

        return pages;
    }

    private async Task<IPage> PhoneAsync(string path)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Address + path);
        return page;
    }

    [Theory]
    [MemberData(nameof(ContentPages))]
    public async Task On_a_phone_the_first_paragraph_is_on_the_first_screen(string path)
    {
        var page = await PhoneAsync(path);
        var top = await page.EvaluateAsync<double>("document.querySelector('.prose > p, .prose > ul, .prose > ol, .prose > .key-facts').getBoundingClientRect().top");
        Assert.True(top < 844, $"{path}: the first paragraph starts at {top} px");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(ContentPages))]
    public async Task On_a_phone_every_tap_target_in_header_citations_and_glossary_is_at_least_24_px(string path)
    {
        var page = await PhoneAsync(path);
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.site-header a, .site-header summary, .site-header input, sup.citation a, a.glossary-term')]
              .filter(e => e.getClientRects().length > 0)
              .map(e => [e, e.getBoundingClientRect()])
              .filter(([e, r]) => r.width < 24 || r.height < 24)
              .map(([e, r]) => e.outerHTML.slice(0, 80) + ' ' + Math.round(r.width) + '×' + Math.round(r.height))
            """);
        Assert.True(small.Length == 0, $"{path}:\n" + string.Join("\n", small));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_and_closes_by_touch_and_by_keyboard()
    {
        var page = await PhoneAsync("safety/");
        var nav = page.Locator(".site-nav");
        Assert.False(await nav.IsVisibleAsync());
        await page.TapAsync(".menu__button");
        await nav.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.TapAsync(".menu__button");
        await nav.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        await page.FocusAsync(".menu__button");
        await page.Keyboard.PressAsync("Enter");
        await nav.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.True(await page.Locator(".site-nav a[href='../dosage/']").IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        await nav.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tap_on_a_glossary_term_shows_its_definition_without_leaving_the_page()
    {
        var page = await PhoneAsync("mechanism/");
        var term = page.Locator("a.glossary-term").First;
        await term.ScrollIntoViewIfNeededAsync();
        var url = page.Url;
        await term.TapAsync();
        var tip = page.Locator(".glossary--open .glossary-term__tip");
        await tip.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal(url, page.Url);
        Assert.Equal("true", await term.GetAttributeAsync("aria-expanded"));
        Assert.Equal(await term.GetAttributeAsync("aria-describedby"), await tip.GetAttributeAsync("id"));
        await page.Locator("h1").TapAsync();
        await tip.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_desktop_the_contents_stay_beside_the_text_and_mark_the_section_being_read()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(site.Address + "safety/");
        var toc = page.Locator(".toc");
        var article = await page.Locator(".prose").BoundingBoxAsync();
        var before = (await toc.BoundingBoxAsync())!;
        Assert.True(before.X > article!.X + article.Width, "the contents are a column beside the text");

        var heading = page.Locator(".prose h2").Nth(3);
        var id = await heading.GetAttributeAsync("id");
        await page.EvaluateAsync("id => document.getElementById(id).scrollIntoView()", id);
        await page.WaitForFunctionAsync("id => document.querySelector('.toc a[aria-current=true]')?.getAttribute('href') === '#' + id", id);
        var after = (await toc.BoundingBoxAsync())!;
        Assert.True(after.Y >= 0 && after.Y < 900, $"the contents scrolled away (top at {after.Y})");
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task A_citation_leads_to_its_highlighted_reference_and_a_lettered_back_link_returns_to_the_mark()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Address + "conditions/");
        var mark = page.Locator("sup.citation a").Nth(2);
        var markId = await mark.GetAttributeAsync("id");
        var target = (await mark.GetAttributeAsync("href"))!;
        await mark.ClickAsync();
        await page.WaitForFunctionAsync("t => location.hash === t", target);
        var outline = await page.EvaluateAsync<string>("t => getComputedStyle(document.querySelector(t)).outlineStyle", target);
        Assert.Equal("solid", outline);

        var back = page.Locator($"{target} a.back-link[href='#{markId}']");
        Assert.Matches("^[a-z]+$", await back.TextContentAsync());
        await back.ClickAsync();
        await page.WaitForFunctionAsync("id => location.hash === '#' + id", markId);
        // Scrolling may be smooth: wait until the mark has come into view.
        await page.WaitForFunctionAsync("id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }", markId);
        Assert.Empty(watched.Errors);
    }

    [Fact]
    public async Task On_paper_the_page_address_is_printed_and_the_navigation_is_not()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Address + "safety/");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.Locator(".print-source").IsVisibleAsync());
        Assert.Contains("https://ldn.example.org/safety/", await page.Locator(".print-source").TextContentAsync());
        foreach (var chrome in new[] { ".site-header", ".breadcrumbs", ".toc", ".pager", ".back-links >> nth=0" })
        {
            Assert.False(await page.Locator(chrome).IsVisibleAsync(), chrome + " is printed");
        }

        // Each source's address is printed once: the DOI link shows its address and adds nothing after it.
        var doi = ".ref__links a[href^='https://doi.org/']";
        var after = await page.EvaluateAsync<string>($"getComputedStyle(document.querySelector(\"{doi}\"), '::after').content");
        Assert.Equal("none", after);
        Assert.Equal(await page.Locator(doi).First.GetAttributeAsync("href"), await page.Locator(doi).First.TextContentAsync());
    }
}
