namespace LdnSite.Tests.Browser;

using System.Text.RegularExpressions;
using Microsoft.Playwright;

/// <summary>The page for talking to a doctor, printed with the site's print stylesheet.</summary>
[Collection("browser")]
[Trait("Category", "Slow")]
public sealed partial class PrintTests(BrowserFixture browser, ServedSiteFixture site)
{
    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();

    [Fact]
    public async Task The_page_for_talking_to_a_doctor_prints_on_two_A4_sheets_with_its_notes_space_and_no_site_menus()
    {
        var watched = await browser.NewPageAsync();
        var page = watched.Page;
        await page.GotoAsync(site.Address + "talking-to-your-doctor/");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        Assert.True(await page.Locator(".notes-space").IsVisibleAsync());
        Assert.True(await page.Locator("table.findings-table").IsVisibleAsync());
        // Sources stay on paper, named, without the study facts the site shows beside them.
        Assert.True(await page.Locator(".references").First.IsVisibleAsync());
        Assert.False(await page.Locator(".ref__outcome").First.IsVisibleAsync());

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
        // Chromium writes each page as an uncompressed '/Type /Page' object (only content streams
        // are compressed), so counting them counts the sheets' sides.
        var sheets = PdfPage().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count;
        Assert.InRange(sheets, 1, 2);
        Assert.Empty(watched.Errors);
    }
}
