namespace LdnSite.Sources;

using System.Collections.Concurrent;
using LdnSite.Engine.Diagnostics;

/// <summary>
/// Checks outbound links politely: one host at a time per worker (a few hosts at once), requests
/// to one host spaced apart, HEAD first and GET only when a server refuses HEAD. A link that is
/// gone (404, 410) is an error; one that could not be checked this time is a warning.
/// </summary>
public sealed class LinkChecker(PoliteClient client)
{
    /// <summary>How many hosts are checked at once.</summary>
    public const int HostsAtOnce = 4;

    /// <summary>A limiter per host, for the client's <c>limiterFor</c>: links to one host are spaced by <paramref name="interval"/>.</summary>
    public static Func<Uri, IntervalLimiter> PerHost(TimeSpan interval)
    {
        var limiters = new ConcurrentDictionary<string, IntervalLimiter>(StringComparer.OrdinalIgnoreCase);
        return uri => limiters.GetOrAdd(uri.Authority, _ => new IntervalLimiter(interval));
    }

    /// <summary>Checks every link; <paramref name="progress"/> is called after each.</summary>
    public async Task<IReadOnlyList<CheckRow>> CheckAsync(IReadOnlyDictionary<string, List<LinkPlace>> links, Action progress, CancellationToken cancellationToken)
    {
        var rows = new ConcurrentBag<CheckRow>();
        var hosts = links.GroupBy(l => new Uri(l.Key).Authority, StringComparer.OrdinalIgnoreCase).ToList();
        await Parallel.ForEachAsync(hosts, new ParallelOptions { MaxDegreeOfParallelism = HostsAtOnce, CancellationToken = cancellationToken }, async (host, token) =>
        {
            foreach (var (address, places) in host)
            {
                rows.Add(await CheckOneAsync(new Uri(address), places, token));
                progress();
            }
        });
        return [.. rows.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    // A page as the user would type it: relative to where the command runs, when below it.
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    private async Task<CheckRow> CheckOneAsync(Uri address, List<LinkPlace> places, CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync(address, null, HttpMethod.Head, cancellationToken);
        // Some servers refuse HEAD (405, 501) or answer it wrongly (400, 403): ask again with GET.
        if (answer.Kind is AnswerKind.Unreachable or AnswerKind.NotFound && answer.Status is 400 or 403 or 405 or 501 or 404)
        {
            answer = await client.SendAsync(address, null, HttpMethod.Get, cancellationToken, readBody: false);
        }

        var place = places[0];
        var also = places.Count > 1 ? $" (written in {places.Count} places; this is the first)" : "";
        var owner = place.Label is { } key ? $"Reference '{key}': " : "";
        var (severity, code, message, outcome) = answer.Kind switch
        {
            AnswerKind.Found => (Severity.Warning, "", "", "answers"),
            AnswerKind.NotFound => (Severity.Error, SourceCodes.LinkGone, $"{owner}the link {address} is gone ({answer.Detail}){also}: link to where it moved, to an archived copy, or remove it.", $"gone ({answer.Status})"),
            AnswerKind.Refused => (Severity.Warning, SourceCodes.LinkRefused, $"{owner}the link {address} was not followed: it {answer.Detail}{also}; open it in a browser to check it.", "not followed"),
            _ => (Severity.Warning, SourceCodes.LinkUnchecked, $"{owner}the link {address} could not be checked: {answer.Detail}{also}; run check-sources --links again later, and open it in a browser if it persists.", "not checked: " + answer.Detail),
        };
        IReadOnlyList<Diagnostic> found = code.Length == 0 ? [] : [new Diagnostic(place.Path, place.Line, place.Column, severity, code, message)];
        return new CheckRow(place.Label ?? Shown(place.Path), "link", address.AbsoluteUri, outcome, "", answer.Kind == AnswerKind.Found, found);
    }
}
