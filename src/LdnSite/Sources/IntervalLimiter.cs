namespace LdnSite.Sources;

using System.Diagnostics;

/// <summary>
/// Spaces request starts at least <see cref="Interval"/> apart (NCBI: 3 a second without a key).
/// A sliding schedule, not a token bucket: a registry's documented limit is a rate, and a burst
/// after a pause is exactly what gets a client blocked.
/// </summary>
public sealed class IntervalLimiter(TimeSpan interval)
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _nextFree = TimeSpan.Zero;

    /// <summary>The least time between two request starts.</summary>
    public TimeSpan Interval { get; } = interval;

    /// <summary>Waits for this caller's turn.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _clock.Elapsed;
            var start = _nextFree > now ? _nextFree : now;
            _nextFree = start + Interval;
            wait = start - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
