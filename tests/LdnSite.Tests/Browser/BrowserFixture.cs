namespace LdnSite.Tests.Browser;

using Microsoft.Playwright;

/// <summary>
/// One headless Debian Chromium for a test class, driven by Playwright. The browser is the
/// machine's own (never one Playwright downloads); the flags keep it off the network.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// The real binary behind Debian's /usr/bin/chromium wrapper, or LDNSITE_CHROMIUM where the
    /// browser lives elsewhere (a hosted CI image with Chrome preinstalled).
    /// </summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("LDNSITE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/lib/chromium/chromium";

    private IPlaywright? _playwright;

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: run 'apt-get install chromium' (dotnet test does so as root on Debian), or set LDNSITE_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new page that records console errors, page errors and requests leaving the machine.</summary>
    /// <remarks><paramref name="bypassCsp"/> lets a test inject its own tool (axe-core) inline; the site itself never needs it.</remarks>
    public async Task<WatchedPage> NewPageAsync(bool bypassCsp = false)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 800 }, BypassCSP = bypassCsp });
        return new WatchedPage(page);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>A page plus what went wrong on it.</summary>
public sealed class WatchedPage
{
    /// <summary>Starts watching <paramref name="page"/>.</summary>
    public WatchedPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
        page.RequestFailed += (_, request) => Errors.Add($"failed request: {request.Url}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file://", StringComparison.Ordinal) && !request.Url.StartsWith("http://127.0.0.1", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                NetworkRequests.Add(request.Url);
            }
        };
    }

    /// <summary>The Playwright page.</summary>
    public IPage Page { get; }

    /// <summary>Console errors, script errors and failed requests.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Requests to anywhere but the local site.</summary>
    public List<string> NetworkRequests { get; } = [];
}
