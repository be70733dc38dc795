namespace LdnSite.Sources;

/// <summary>How politely and how patiently every request of check-sources is made.</summary>
public sealed record HttpSettings
{
    /// <summary>Names the program and a contact, as Crossref's polite pool and NCBI ask.</summary>
    public required string UserAgent { get; init; }

    /// <summary>The longest one attempt may take, body included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How many times a timeout, a 429 or a 5xx is tried again.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first retry's delay; each further one doubles it (unless the server says Retry-After).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for: the run reports it and a later run tries again.</summary>
    public TimeSpan LongestWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Answers larger than this are not read (a record is a few kilobytes; a trial record some hundreds).</summary>
    public long MaxBodyBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>How many redirects are followed.</summary>
    public int MaxRedirects { get; init; } = 5;
}
