namespace LdnSite.Sources;

using System.Diagnostics;

/// <summary>
/// Lets requests start one at a time, at least <see cref="Interval"/> apart (NCBI: 3 a second
/// without a key). Spaced from when each request really started, not from a schedule: a timer
/// that fires late must not let the next request follow closer, and a burst after a pause is
/// exactly what gets a client blocked.
/// </summary>
public sealed class IntervalLimiter(TimeSpan interval)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastStart;

    /// <summary>The least time between two request starts.</summary>
    public TimeSpan Interval { get; } = interval;

    /// <summary>Waits for this caller's turn.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            if (_lastStart is { } last)
            {
                // Task.Delay can end a little early on a coarse timer: wait until the time has really passed.
                for (var wait = last + Interval - _clock.Elapsed; wait > TimeSpan.Zero; wait = last + Interval - _clock.Elapsed)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }

            _lastStart = _clock.Elapsed;
        }
        finally
        {
            _turn.Release();
        }
    }
}
