namespace LdnSite.Tests.Publishing;

using LdnSite.Engine.Diagnostics;
using LdnSite.Tests.Safety;
using LdnSite.Build;

/// <summary>redirect_from becomes Netlify redirects; a publishing build refuses the placeholder address.</summary>
public sealed class RedirectAndBaseUrlTests
{
    [Fact]
    public async Task Redirect_from_becomes_permanent_netlify_redirects()
    {
        using var site = new HostileSite();
        site.Write("input/dosage.md", "---\ntitle: Dosage\ndescription: D.\nredirect_from: [/ldn-dosing/, /old/dose]\n---\n\nText [@smith2007].\n");
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var lines = File.ReadAllLines(site["output/_redirects"]).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(["/ldn-dosing/  /dosage/  301", "/old/dose/  /dosage/  301"], lines);
    }

    [Theory]
    [InlineData("[javascript:alert(1)]")]
    [InlineData("[/../../etc/]")]
    [InlineData("[old-page]")]
    public async Task A_redirect_that_is_not_a_site_address_is_an_error_at_its_line(string value)
    {
        using var site = new HostileSite();
        site.Write("input/dosage.md", $"---\ntitle: Dosage\ndescription: D.\nredirect_from: {value}\n---\n\nText [@smith2007].\n");
        var error = Assert.Single((await new SiteBuild(site.Settings).RunAsync()).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("LDN013", "dosage.md", 4), (error.Code, error.Path, error.Line));
    }

    [Fact]
    public async Task A_redirect_from_a_live_page_is_an_error()
    {
        using var site = new HostileSite();
        site.Write("input/dosage.md", "---\ntitle: Dosage\ndescription: D.\nredirect_from: [/safety/]\n---\n\nText [@smith2007].\n");
        var error = Assert.Single((await new SiteBuild(site.Settings).RunAsync()).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("LDN014", error.Code);
        Assert.Contains("safety.md", error.Message);
    }

    [Fact]
    public async Task A_strict_build_with_the_placeholder_base_url_fails()
    {
        using var site = new HostileSite();
        var strict = await new SiteBuild(site.Settings with { Strict = true }).RunAsync();
        Assert.Contains(strict.Diagnostics, d => d is { Code: "LDN104", Severity: Severity.Error });
        var published = await new SiteBuild(site.Settings with { Strict = true, BaseUrl = "https://ldn.example.net/" }).RunAsync();
        Assert.True(published.Succeeded, string.Join("\n", published.Diagnostics));
        Assert.Contains("<loc>https://ldn.example.net/safety/</loc>", File.ReadAllText(site["output/sitemap.xml"]));
    }
}
