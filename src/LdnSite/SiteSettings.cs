namespace LdnSite;

using LdnSite.Urls;

/// <summary>Everything a build is configured by. Each optional feature has a named setting with a default.</summary>
public sealed record SiteSettings
{
    /// <summary>The Atom feed's title, also used by the link in every page's head.</summary>
    public const string FeedTitle = "LDN Knowledge Base: page reviews and changes";

    /// <summary>Folder of Markdown content and <c>_data</c>.</summary>
    public required string InputFolder { get; init; }

    /// <summary>Folder of layouts, assets and front-end packages.</summary>
    public required string ThemeFolder { get; init; }

    /// <summary>Folder the site is written to.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Absolute URL the site is published at, ending in '/'; used for canonical links and the sitemap.</summary>
    public string BaseUrl
    {
        get => _baseUrl;
        init
        {
            _baseUrl = value;
            // Asked for every page's canonical link, sitemap entry and feed item, so worked out once,
            // here: a copy made with 'with' either sets the address again or keeps both fields.
            _normalizedBaseUrl = Urls.SiteUrl.Problem(value) is null ? Urls.SiteUrl.Normalize(value) : "https://invalid.example/";
        }
    }

    private readonly string _baseUrl = "https://ldn.example.org/";
    private readonly string _normalizedBaseUrl = "https://ldn.example.org/";

    /// <summary>How internal links are written.</summary>
    public LinkStyle LinkStyle { get; init; } = LinkStyle.Pretty;

    /// <summary>Turns warnings that matter for a published site (overdue reviews) into errors.</summary>
    public bool Strict { get; init; }

    /// <summary>The highest Flesch-Kincaid grade a content page may read at before a warning.</summary>
    public double MaxReadingGrade { get; init; } = 9;

    /// <summary>The lowest Flesch reading ease a content page may have before a warning.</summary>
    public double MinReadingEase { get; init; } = 50;

    /// <summary>Adds the live-reload script to every page; only the dev server sets this.</summary>
    public bool LiveReload { get; init; }

    /// <summary>
    /// A search chunk with more postings than this is split by one more letter (see
    /// <see cref="Search.SearchChunks"/>). Tests lower it to check results over split chunks.
    /// </summary>
    public int SearchChunkPostings { get; init; } = Search.SearchChunks.SplitAbove;

    /// <summary>Today's date, for review-due checks; fixed in tests so output is repeatable.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A link to the offline edition shown in the footer, when one is published next to the site.</summary>
    public OfflineDownload? OfflineDownload { get; init; }

    /// <summary>The base URL, escaped and ending in '/' (checked by <see cref="SiteFolders"/> before a build).</summary>
    public string NormalizedBaseUrl => _normalizedBaseUrl;

    /// <summary>The absolute address of the page written to <paramref name="destination"/> (canonical links, sitemap, feed).</summary>
    public string AbsoluteUrl(string destination) =>
        NormalizedBaseUrl + Urls.SitePaths.FromRoot(destination, LinkStyle.Pretty);

    /// <summary>The base URL's path on its host ("/", or "/ldn/" for a site published below a folder).</summary>
    public string BasePath => new Uri(NormalizedBaseUrl).AbsolutePath;

    /// <summary>True while --base-url is still the placeholder, which a published build must not use.</summary>
    public bool HasPlaceholderBaseUrl => new Uri(NormalizedBaseUrl).Host == "ldn.example.org";

    /// <summary>
    /// "" for ordinary pages, whose links are relative. The hosted not-found page is served at any
    /// missing path, so its links start from the site's root path instead (e.g. "/").
    /// </summary>
    public string RootPrefixFor(Content.PageInfo page) =>
        page.Kind.RootRelativeLinks && LinkStyle == LinkStyle.Pretty ? BasePath : "";

    /// <summary>Where pages can be edited; null when the repository's address is not known (no edit links).</summary>
    public Urls.RepositoryLinks? Repository { get => _repository.GetAwaiter().GetResult(); init => _repository = Task.FromResult(value); }

    /// <summary>When each page's file last changed in git (source → date); empty without git.</summary>
    public IReadOnlyDictionary<string, DateOnly> LastChanged { get => _lastChanged.GetAwaiter().GetResult(); init => _lastChanged = Task.FromResult(value); }

    // What git tells: the command line starts both queries and goes on starting the build, so
    // the first modules need not wait for git; the first reader waits for the answer.
    // Settings compare equal only when they hold the same tasks (no code compares settings).
    private Task<Urls.RepositoryLinks?> _repository = Task.FromResult<Urls.RepositoryLinks?>(null);
    private Task<IReadOnlyDictionary<string, DateOnly>> _lastChanged = Task.FromResult<IReadOnlyDictionary<string, DateOnly>>(new Dictionary<string, DateOnly>());

    /// <summary>These settings, with <see cref="Repository"/> and <see cref="LastChanged"/> given by queries that are already running.</summary>
    public SiteSettings WithPending(Task<Urls.RepositoryLinks?> repository, Task<IReadOnlyDictionary<string, DateOnly>> lastChanged) =>
        this with { _repository = repository, _lastChanged = lastChanged };

    /// <summary>Folders the output may never be or contain, such as the repository root.</summary>
    public IReadOnlyList<string> ProtectedFolders { get; init; } = [];

    /// <summary>
    /// Every setting, each written out as text, in one hash: what cached results that read the
    /// settings are keyed by. Declared setting by setting (a list-valued setting is written item
    /// by item), so a new setting is a compile-time choice here, which a test enforces.
    /// </summary>
    public string Fingerprint => Engine.Modules.BuildCache.Key([.. Fingerprinted.Select(f => f.Name + "=" + f.Value(this))]);

    /// <summary>The settings the fingerprint is made of, by name; the others are worked out from them.</summary>
    public static IEnumerable<string> FingerprintedNames => Fingerprinted.Select(f => f.Name);

    private static readonly (string Name, Func<SiteSettings, string> Value)[] Fingerprinted =
    [
        (nameof(InputFolder), s => s.InputFolder),
        (nameof(ThemeFolder), s => s.ThemeFolder),
        (nameof(OutputFolder), s => s.OutputFolder),
        (nameof(BaseUrl), s => s.BaseUrl),
        (nameof(LinkStyle), s => s.LinkStyle.ToString()),
        (nameof(Strict), s => s.Strict ? "1" : "0"),
        (nameof(MaxReadingGrade), s => s.MaxReadingGrade.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        (nameof(MinReadingEase), s => s.MinReadingEase.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        (nameof(LiveReload), s => s.LiveReload ? "1" : "0"),
        (nameof(SearchChunkPostings), s => s.SearchChunkPostings.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        (nameof(Today), s => s.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        (nameof(OfflineDownload), s => s.OfflineDownload is { } o ? $"{o.FileName}|{o.Bytes}" : ""),
        (nameof(Repository), s => s.Repository is { } r ? $"{r.WebUrl}|{r.Branch}|{r.InputPath}" : ""),
        (nameof(LastChanged), s => Content.GitHistory.Fingerprint(s.LastChanged)),
        (nameof(ProtectedFolders), s => string.Join('\n', s.ProtectedFolders)),
    ];
}

/// <summary>The offline zip as the footer links to it.</summary>
/// <param name="FileName">File name next to the site root.</param>
/// <param name="Bytes">Its size, shown to readers before they download.</param>
public sealed record OfflineDownload(string FileName, long Bytes);
