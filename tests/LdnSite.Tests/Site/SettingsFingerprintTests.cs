namespace LdnSite.Tests.Site;

using System.Reflection;
using LdnSite.Tests.Support;

/// <summary>Cached results are keyed by the settings' fingerprint, which must see every setting.</summary>
public sealed class SettingsFingerprintTests
{
    // Worked out from the fingerprinted settings, or the fingerprint itself.
    private static readonly string[] Derived = [nameof(SiteSettings.NormalizedBaseUrl), nameof(SiteSettings.BasePath), nameof(SiteSettings.HasPlaceholderBaseUrl), nameof(SiteSettings.Fingerprint)];

    [Fact]
    public void Every_setting_is_in_the_fingerprint()
    {
        var settings = typeof(SiteSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Except(Derived).Order();
        Assert.Equal(settings, SiteSettings.FingerprintedNames.Order());
    }

    [Fact]
    public void A_change_inside_a_list_or_a_date_changes_the_fingerprint()
    {
        var settings = TestSites.Settings("/in", "/out");
        // A record's ToString, the key before, writes a list as its type name: these two looked equal.
        Assert.NotEqual((settings with { ProtectedFolders = ["/a"] }).Fingerprint, (settings with { ProtectedFolders = ["/b"] }).Fingerprint);
        Assert.NotEqual(settings.Fingerprint, (settings with { LastChanged = new Dictionary<string, DateOnly> { ["a.md"] = new(2026, 1, 2) } }).Fingerprint);
        Assert.NotEqual(settings.Fingerprint, (settings with { BaseUrl = "https://other.example/" }).Fingerprint);
        Assert.Equal(settings.Fingerprint, (settings with { }).Fingerprint);
    }

    [Fact]
    public void A_copy_with_another_base_url_normalises_its_own()
    {
        var settings = TestSites.Settings("/in", "/out") with { BaseUrl = "https://a.example/x" };
        Assert.Equal("https://a.example/x/", settings.NormalizedBaseUrl);
        Assert.Equal("https://b.example/", (settings with { BaseUrl = "https://b.example" }).NormalizedBaseUrl);
        Assert.Equal("https://a.example/x/", (settings with { Strict = true }).NormalizedBaseUrl);
    }
}
