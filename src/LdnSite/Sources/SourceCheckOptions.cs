namespace LdnSite.Sources;

/// <summary>Everything one run of check-sources is configured by; the command line fills it.</summary>
public sealed record SourceCheckOptions
{
    /// <summary>The input folder holding <c>_data/references.yaml</c>.</summary>
    public required string InputFolder { get; init; }

    /// <summary>The built site, for outbound links.</summary>
    public required string SiteFolder { get; init; }

    /// <summary>Whether outbound links are checked too (the weekly run).</summary>
    public bool Links { get; init; }

    /// <summary>Where answers are kept between runs; null: no cache.</summary>
    public string? CacheFolder { get; init; }

    /// <summary>How long a kept answer is reused.</summary>
    public TimeSpan CacheAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The contact address for the registries (Crossref's polite pool, NCBI's email parameter).</summary>
    public string? Contact { get; init; }

    /// <summary>The site's address, named in the User-Agent.</summary>
    public string SiteUrl { get; init; } = "https://ldn.example.org/";

    /// <summary>Crossref's base address.</summary>
    public Uri Crossref { get; init; } = CrossrefClient.DefaultBase;

    /// <summary>E-utilities' base address.</summary>
    public Uri PubMed { get; init; } = PubMedClient.DefaultBase;

    /// <summary>ClinicalTrials.gov's API base address.</summary>
    public Uri ClinicalTrials { get; init; } = ClinicalTrialsClient.DefaultBase;

    /// <summary>NCBI's API key (from NCBI_API_KEY): 10 requests a second instead of 3.</summary>
    public string? NcbiApiKey { get; init; }

    /// <summary>Timeouts, retries and caps.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How many retries after a timeout, 429 or 5xx.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first retry's delay (doubling after).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After waited for.</summary>
    public TimeSpan LongestWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether links may lead to private and loopback addresses. Off for real runs (a page must
    /// not make CI request its own network); on only when every registry is on loopback, i.e. a
    /// test against fake servers.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>The time between two requests to one host of an outbound link.</summary>
    public TimeSpan LinkHostInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Today, for --record.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>NCBI's documented rate: 3 requests a second without a key, 10 with one (with a margin).</summary>
    public TimeSpan PubMedInterval => NcbiApiKey is null ? TimeSpan.FromMilliseconds(340) : TimeSpan.FromMilliseconds(110);

    /// <summary>Crossref: one request at a time, at most 5 a second (a modest pace: Crossref states its current limits in each answer's X-Rate-Limit headers, which are not read yet).</summary>
    public static TimeSpan CrossrefInterval => TimeSpan.FromMilliseconds(200);

    /// <summary>ClinicalTrials.gov: at most 2 a second (a modest pace chosen here, not a documented limit).</summary>
    public static TimeSpan ClinicalTrialsInterval => TimeSpan.FromMilliseconds(500);

    /// <summary>The User-Agent: the program, the site and a contact, as Crossref's etiquette asks.</summary>
    public string UserAgent => $"LdnSite/1.0 (+{SiteUrl}" + (Contact is null ? ")" : $"; mailto:{Contact})");

    /// <summary>The HTTP settings every client shares.</summary>
    public HttpSettings Http => new() { UserAgent = UserAgent, Timeout = Timeout, Retries = Retries, RetryDelay = RetryDelay, LongestWait = LongestWait };
}
