namespace LdnSite.Sources;

using System.Globalization;
using Polly;
using Polly.Retry;
using Polly.Timeout;

/// <summary>
/// One HTTP client for one registry (or for outbound links): its own rate limiter, retries with
/// backoff that honour Retry-After (Polly), a timeout per attempt, a size cap on bodies and
/// redirects followed by hand (at most <see cref="HttpSettings.MaxRedirects"/>, http(s) only, and
/// for a registry only on its own host and scheme). Every failure becomes an <see cref="Answer"/>:
/// nothing here throws at its caller but cancellation.
/// </summary>
public sealed class PoliteClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpSettings _settings;
    private readonly Func<Uri, IntervalLimiter> _limiterFor;
    private readonly ResponseCache? _cache;
    private readonly bool _sameHostOnly;
    private readonly ResiliencePipeline<Answer> _pipeline;
    private int _requests;
    private int _cacheHits;

    /// <summary>
    /// A client. <paramref name="limiterFor"/> gives the limiter a request to an address waits at
    /// (one per registry; one per host for links); <paramref name="sameHostOnly"/> for registries;
    /// <paramref name="guardAddresses"/> for outbound links (see <see cref="AddressPolicy"/>).
    /// </summary>
    public PoliteClient(HttpSettings settings, Func<Uri, IntervalLimiter> limiterFor, ResponseCache? cache, bool sameHostOnly, bool guardAddresses, bool allowPrivate, string accept = "application/json")
    {
        _settings = settings;
        _limiterFor = limiterFor;
        _cache = cache;
        _sameHostOnly = sameHostOnly;
        var handler = new SocketsHttpHandler
        {
            // Redirects are followed below, where their host, scheme and number are checked.
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            ConnectTimeout = settings.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        if (guardAddresses)
        {
            handler.ConnectCallback = AddressPolicy.Connect(allowPrivate);
        }

        // The pipeline's timeout bounds each attempt; the client's own would cut the retries short.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", settings.UserAgent);
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);
        _pipeline = BuildPipeline(settings);
    }

    /// <summary>How many requests were sent (cache hits send none).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>How many answers came from the cache.</summary>
    public int CacheHits => Volatile.Read(ref _cacheHits);

    /// <summary>
    /// GETs (or HEADs) <paramref name="url"/>. <paramref name="cacheKey"/> names the answer in the
    /// cache (the address without secrets); null keeps it out of the cache.
    /// </summary>
    /// <remarks><paramref name="readBody"/> false: a GET whose body is not needed (a link check) is not read.</remarks>
    public async Task<Answer> SendAsync(Uri url, string? cacheKey, HttpMethod method, CancellationToken cancellationToken, bool readBody = true)
    {
        if (cacheKey is not null && _cache?.Get(cacheKey) is { } cached)
        {
            Interlocked.Increment(ref _cacheHits);
            return cached.Status is 404 or 410
                ? new Answer(AnswerKind.NotFound, cached.Status, null, $"answered {cached.Status}", FromCache: true)
                : new Answer(AnswerKind.Found, cached.Status, cached.Body, "", FromCache: true);
        }

        var answer = await SendUncachedAsync(url, method, readBody && method != HttpMethod.Head, cancellationToken);
        if (cacheKey is not null && answer.Kind is AnswerKind.Found or AnswerKind.NotFound)
        {
            _cache?.Put(cacheKey, answer.Status, answer.Body ?? []);
        }

        return answer;
    }

    private async Task<Answer> SendUncachedAsync(Uri url, HttpMethod method, bool readBody, CancellationToken cancellationToken)
    {
        var seconds = _settings.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (state, token) => new ValueTask<Answer>(state.Self.AttemptAsync(state.Url, state.Method, state.ReadBody, token)),
                (Self: this, Url: url, Method: method, ReadBody: readBody),
                cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            return new Answer(AnswerKind.Unreachable, 0, null, $"no answer within {seconds} s");
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException refused)
        {
            return new Answer(AnswerKind.Refused, 0, null, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return new Answer(AnswerKind.Unreachable, 0, null, e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "its name could not be resolved (no network?)",
                HttpRequestError.ConnectionError => "the connection failed",
                HttpRequestError.SecureConnectionError => "the secure connection failed",
                HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => "the answer broke off or was not HTTP",
                _ => "the request failed (" + e.HttpRequestError + ")",
            });
        }
        catch (IOException)
        {
            return new Answer(AnswerKind.Unreachable, 0, null, "the connection broke off");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Answer(AnswerKind.Unreachable, 0, null, $"no answer within {seconds} s");
        }
    }

    // One attempt: the request and its redirects, each waiting its turn at the limiter.
    private async Task<Answer> AttemptAsync(Uri start, HttpMethod method, bool readBody, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.AbsoluteUri };
        var current = start;
        for (var redirects = 0; ; redirects++)
        {
            await _limiterFor(current).WaitAsync(cancellationToken);
            Interlocked.Increment(ref _requests);
            using var request = new HttpRequestMessage(method, current);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                var refusal = RedirectRefusal(start, next, seen, redirects);
                if (refusal is not null)
                {
                    return new Answer(AnswerKind.Refused, status, null, refusal);
                }

                current = next;
                continue;
            }

            if (status is >= 200 and < 300)
            {
                if (!readBody)
                {
                    return new Answer(AnswerKind.Found, status, null, "");
                }

                var body = await BoundedBody.ReadAsync(response.Content, _settings.MaxBodyBytes, cancellationToken);
                return body is null
                    ? new Answer(AnswerKind.TooLarge, status, null, $"answered with more than {_settings.MaxBodyBytes / 1024 / 1024} MB")
                    : new Answer(AnswerKind.Found, status, body, "");
            }

            if (status is 404 or 410)
            {
                return new Answer(AnswerKind.NotFound, status, null, $"answered {status}");
            }

            var retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                : null;
            var detail = status == 429 ? "asked to slow down (429)" : $"answered {status}";
            if (retryAfter is { } wait && wait > TimeSpan.Zero)
            {
                detail += $", Retry-After {Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s";
            }

            return new Answer(AnswerKind.Unreachable, status, null, detail) { RetryAfter = retryAfter };
        }
    }

    private string? RedirectRefusal(Uri start, Uri next, HashSet<string> seen, int redirects)
    {
        if (next.Scheme is not ("http" or "https"))
        {
            return $"redirects to a '{next.Scheme}:' address";
        }

        if (_sameHostOnly && (!string.Equals(next.Host, start.Host, StringComparison.OrdinalIgnoreCase) || next.Scheme != start.Scheme || next.Port != start.Port))
        {
            return $"redirects to another host or scheme ({next.GetLeftPart(UriPartial.Authority)})";
        }

        if (!seen.Add(next.AbsoluteUri))
        {
            return "redirects in a loop";
        }

        return redirects + 1 > _settings.MaxRedirects ? $"redirects more than {_settings.MaxRedirects} times" : null;
    }

    private static ResiliencePipeline<Answer> BuildPipeline(HttpSettings settings)
    {
        var builder = new ResiliencePipelineBuilder<Answer>();
        if (settings.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Answer>
            {
                MaxRetryAttempts = settings.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = settings.RetryDelay,
                MaxDelay = settings.LongestWait,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException { InnerException: RefusedAddressException } } => false,
                    { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
                    // A server that asks for a longer wait than we give is left alone until a later run.
                    { Result: { Transient: true } answer } => answer.RetryAfter is not { } wait || wait <= settings.LongestWait,
                    _ => false,
                }),
                // The server's own Retry-After, when it gave one, instead of our backoff.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } wait && wait > TimeSpan.Zero ? (TimeSpan?)wait : null),
            });
        }

        return builder.AddTimeout(settings.Timeout).Build();
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
