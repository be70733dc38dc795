namespace LdnSite.Tests.Browser;

using Microsoft.Playwright;

/// <summary>
/// How the page's parts sit on a phone and on a desktop: the study table as cards on a phone and
/// across the page on a desktop, the header's column over the page's, and a menu button that
/// stays where it was tapped.
/// </summary>
[Collection("browser")]
public sealed class ScreenLayoutTests(BrowserFixture browser, ServedSiteFixture site)
{
    private async Task<IPage> OpenAsync(int width, string path)
    {
        var context = await PageWidthTests.ScreenAsync(browser.Browser, width, ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Address + path, new() { WaitUntil = WaitUntilState.Load });
        return page;
    }

    [Theory]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(768)]
    public async Task On_a_narrow_screen_each_study_is_a_card_that_fits_and_the_table_still_sorts(int width)
    {
        var page = await OpenAsync(width, "evidence/");
        var layout = await page.EvaluateAsync<double[]>("""
            () => {
              const wrapper = document.querySelector('.table-scroll');
              const rows = [...document.querySelectorAll('table.studies tbody tr')];
              const widest = Math.max(...rows.map(r => r.getBoundingClientRect().width));
              return [wrapper.scrollWidth - wrapper.clientWidth, widest, wrapper.clientWidth, rows.filter(r => getComputedStyle(r).display === 'table-row').length];
            }
            """);
        Assert.True(layout[0] <= 0, $"the study list scrolls sideways by {layout[0]} px");
        Assert.True(layout[1] <= layout[2], $"a card is {layout[1]} px wide in {layout[2]} px");
        Assert.Equal(0, layout[3]);
        var label = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('table.studies td[data-label=People]'), '::before').content");
        Assert.Equal("\"People: \"", label);

        var sort = page.Locator("th[data-sort=size] button");
        Assert.True(await sort.IsVisibleAsync(), "the sort buttons are shown above the cards");
        await sort.TapAsync();
        var sizes = await page.Locator("table.studies tbody tr").EvaluateAllAsync<int[]>("rows => rows.map(r => Number(r.dataset.size))");
        Assert.Equal(sizes.Order(), sizes);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_desktop_the_study_table_is_wider_than_the_text_and_does_not_scroll()
    {
        var page = await OpenAsync(1440, "evidence/");
        var layout = await page.EvaluateAsync<double[]>("""
            () => {
              const wrapper = document.querySelector('.table-scroll');
              const rows = [...document.querySelectorAll('table.studies tbody tr')].map(r => r.getBoundingClientRect().height);
              const found = [...document.querySelectorAll('table.studies tbody td:nth-last-child(2)')].filter(c => c.scrollWidth > c.clientWidth + 1).length;
              return [wrapper.scrollWidth - wrapper.clientWidth, document.querySelector('table.studies').getBoundingClientRect().width,
                      document.querySelector('.prose').getBoundingClientRect().width, Math.max(...rows), found];
            }
            """);
        Assert.True(layout[0] <= 0, $"the study table scrolls sideways by {layout[0]} px");
        Assert.True(layout[1] > layout[2] + 200, $"the table is {layout[1]} px wide, the text {layout[2]} px");
        var debug = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('table.studies tbody tr')].sort((a,b)=>b.getBoundingClientRect().height-a.getBoundingClientRect().height).slice(0,3).map(r => r.id + ':' + [...r.cells].map(c => { const g = document.createRange(); g.selectNodeContents(c); return Math.round(g.getBoundingClientRect().height) + '/' + Math.round(c.getBoundingClientRect().width); }).join(',')).join(' | ')");
        Assert.True(layout[3] < 260, $"the tallest row is {layout[3]} px tall {debug}");
        Assert.Equal(0, layout[4]);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("safety/")]
    [InlineData("evidence/")]
    [InlineData("glossary/")]
    public async Task On_a_desktop_the_header_and_the_page_share_one_left_edge(string path)
    {
        var page = await OpenAsync(1440, path);
        var edges = await page.EvaluateAsync<double[]>("""
            () => [document.querySelector('.site-title').getBoundingClientRect().left,
                   document.querySelector('main').getBoundingClientRect().left,
                   document.querySelector('.site-footer__inner').getBoundingClientRect().left + parseFloat(getComputedStyle(document.querySelector('.site-footer__inner')).paddingLeft)]
            """);
        Assert.True(Math.Abs(edges[0] - edges[1]) < 1, $"/{path}: the header starts at {edges[0]} px, the page at {edges[1]} px");
        Assert.True(Math.Abs(edges[2] - edges[1]) < 1, $"/{path}: the footer starts at {edges[2]} px, the page at {edges[1]} px");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(320)]
    [InlineData(390)]
    public async Task On_a_phone_the_menu_button_stays_where_it_was_tapped(int width)
    {
        var page = await OpenAsync(width, "safety/");
        var button = page.Locator(".menu__button");
        var before = (await button.BoundingBoxAsync())!;
        await button.TapAsync();
        await page.Locator(".site-nav").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var after = (await button.BoundingBoxAsync())!;
        Assert.True(Math.Abs(before.X - after.X) < 1 && Math.Abs(before.Y - after.Y) < 1 && Math.Abs(before.Width - after.Width) < 1,
            $"the button moved from {before.X},{before.Y} ({before.Width} wide) to {after.X},{after.Y} ({after.Width} wide)");
        var nav = (await page.Locator(".site-nav").BoundingBoxAsync())!;
        Assert.True(nav.X >= 0 && nav.X + nav.Width <= width, $"the open menu spans {nav.X} to {nav.X + nav.Width} px");
        await button.TapAsync();
        await page.Locator(".site-nav").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390, "conditions/")]
    [InlineData(390, "evidence/")]
    [InlineData(1440, "conditions/")]
    [InlineData(1440, "evidence/")]
    public async Task Citation_marks_read_as_plain_numbers_and_leave_the_line_height_alone(int width, string path)
    {
        var page = await OpenAsync(width, path);
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              for (const p of document.querySelectorAll('.prose p')) {
                if (!p.querySelector('sup.citation')) continue;
                const line = parseFloat(getComputedStyle(p).lineHeight);
                const height = p.getBoundingClientRect().height;
                const extra = height - Math.round(height / line) * line;
                if (Math.abs(extra) > 0.5) problems.push(`a cited paragraph is ${height.toFixed(1)} px tall, not a multiple of its ${line} px lines: '${p.textContent.slice(0, 40)}'`);
              }
              for (const sup of document.querySelectorAll('.prose sup.citation')) {
                const plain = document.createElement('span');
                plain.textContent = sup.textContent;
                plain.style.font = getComputedStyle(sup).font;
                plain.style.whiteSpace = 'nowrap';
                sup.after(plain);
                const gap = sup.getBoundingClientRect().width - plain.getBoundingClientRect().width;
                plain.remove();
                if (gap > 1) problems.push(`'${sup.textContent}' is ${gap.toFixed(1)} px wider than its text`);
              }
              return problems.slice(0, 10);
            }
            """);
        Assert.True(problems.Length == 0, $"/{path} at {width} px:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
