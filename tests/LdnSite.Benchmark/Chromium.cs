namespace LdnSite.Benchmark;

using Microsoft.Playwright;

/// <summary>The system's Chromium, started by Playwright; a browser is never downloaded.</summary>
public static class Chromium
{
    /// <summary>Starts headless Chromium (<c>LDNSITE_CHROMIUM</c> names another binary).</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("LDNSITE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/lib/chromium/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
}
