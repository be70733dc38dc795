namespace LdnSite.Sources;

/// <summary>What one request came to, in the words a diagnostic needs.</summary>
public enum AnswerKind
{
    /// <summary>A record (2xx), with its body.</summary>
    Found,

    /// <summary>404 or 410: there is no such thing.</summary>
    NotFound,

    /// <summary>No usable answer this time: timeout, connection failure, 429, 5xx, other statuses.</summary>
    Unreachable,

    /// <summary>An answer too large to read.</summary>
    TooLarge,

    /// <summary>A redirect not followed: another host or scheme, a loop, too many; or an address refused.</summary>
    Refused,
}

/// <summary>One request's result.</summary>
/// <param name="Kind">What it came to.</param>
/// <param name="Status">The last HTTP status, or 0 when none came.</param>
/// <param name="Body">The body, for <see cref="AnswerKind.Found"/> when it was read.</param>
/// <param name="Detail">Why, in a few words, for anything but <see cref="AnswerKind.Found"/>.</param>
/// <param name="FromCache">Whether it came from the on-disk cache.</param>
public sealed record Answer(AnswerKind Kind, int Status, byte[]? Body, string Detail, bool FromCache = false)
{
    /// <summary>The server's Retry-After, when it asked to wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether trying again soon may help (429, 5xx).</summary>
    public bool Transient => Kind == AnswerKind.Unreachable && (Status == 429 || Status >= 500);
}
