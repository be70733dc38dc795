namespace LdnSite.Tests.Browser;

using Microsoft.Playwright;

/// <summary>
/// Every page of the built site fits every screen: at phone, tablet and desktop widths, in light
/// and dark, nothing is wider than the screen and no text is cut off.
/// </summary>
[Collection("browser")]
public sealed class PageWidthTests(BrowserFixture browser, ServedSiteFixture site)
{
    /// <summary>Each screen width with each colour scheme.</summary>
    public static TheoryData<int, ColorScheme> Screens()
    {
        var screens = new TheoryData<int, ColorScheme>();
        foreach (var width in new[] { 320, 390, 768, 1440 })
        {
            screens.Add(width, ColorScheme.Light);
            screens.Add(width, ColorScheme.Dark);
        }

        return screens;
    }

    /// <summary>
    /// Measures the open page: the layout width (a phone zooms out to show a page wider than the
    /// screen, so the window's width then grows past the device's), and every element whose text
    /// is cut: by a box that hides its overflow, by the screen's edge, or by the evidence map's
    /// edge. Text inside a box that scrolls sideways can be scrolled to, so it is not cut.
    /// </summary>
    internal const string MeasureScript = """
        width => {
          const problems = [];
          const doc = document.documentElement;
          if (doc.scrollWidth > width || window.innerWidth > width) {
            problems.push(`lays out ${doc.scrollWidth} px wide (window ${window.innerWidth} px) on a ${width} px screen`);
          }
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          const hidden = e => { const r = e.getBoundingClientRect(); return r.width <= 1 || r.height <= 1; };
          const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) { const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
          const ownText = e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
          for (const e of document.body.querySelectorAll('*')) {
            if (e.getClientRects().length === 0 || hidden(e) || e.closest('svg, .visually-hidden')) continue;
            const style = getComputedStyle(e);
            if (style.visibility === 'hidden') continue;
            const hides = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
            if (hides && e.scrollWidth > e.clientWidth + 1 && e.textContent.trim().length > 0) {
              problems.push(`${name(e)} cuts its text (${e.scrollWidth} px in ${e.clientWidth} px)`);
            }
            if (ownText(e) && !scrolls(e)) {
              const r = e.getBoundingClientRect();
              if (r.right > width + 1 || r.left < -1) problems.push(`${name(e)} runs off the screen (${Math.round(r.left)} to ${Math.round(r.right)} px)`);
            }
          }
          for (const svg of document.querySelectorAll('svg.evidence-map')) {
            const box = svg.getBoundingClientRect();
            for (const t of svg.querySelectorAll('text')) {
              const r = t.getBoundingClientRect();
              if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) problems.push(`map text '${t.textContent}' is cut by the map's edge`);
            }
          }
          return problems.slice(0, 12);
        }
        """;

    /// <summary>Every HTML page of the built site, as a path from its root ("", "evidence/", "404.html").</summary>
    internal static List<string> SitePages(string output) =>
        Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Select(p => p == "index.html" ? "" : p.EndsWith("/index.html", StringComparison.Ordinal) ? p[..^"index.html".Length] : p)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A phone or tablet (touch, and the viewport meta applies) or a desktop, in one colour scheme.</summary>
    internal static Task<IBrowserContext> ScreenAsync(IBrowser browser, int width, ColorScheme scheme) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width < 1024 ? 800 : 900 },
            IsMobile = width < 1024,
            HasTouch = width < 1024,
            ColorScheme = scheme,
        });

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Every_page_fits_the_screen_and_no_text_is_cut(int width, ColorScheme scheme)
    {
        var pages = SitePages(site.Output);
        Assert.Contains("evidence/", pages);
        var context = await ScreenAsync(browser.Browser, width, scheme);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(site.Address + path, new() { WaitUntil = WaitUntilState.Load });
            var problems = await page.EvaluateAsync<string[]>(MeasureScript, width);
            failures.AddRange(problems.Select(p => $"/{path}: {p}"));
        }

        await context.CloseAsync();
        Assert.True(failures.Count == 0, $"{width} px, {scheme}:\n" + string.Join("\n", failures));
    }
}
