namespace LdnSite.Benchmark;

using Microsoft.Playwright;

/// <summary>
/// The URLs a page (or a browser context, which also sees a web worker's fetches) requests
/// between <see cref="Start"/> and <see cref="Stop"/>. Playwright raises its events on other
/// threads, hence the lock.
/// </summary>
public sealed class RequestRecorder
{
    private readonly List<string> _urls = [];
    private bool _recording;

    /// <summary>Subscribe this to <c>IPage.Request</c> or <c>IBrowserContext.Request</c>.</summary>
    public void Add(IRequest request)
    {
        lock (_urls)
        {
            if (_recording)
            {
                _urls.Add(request.Url);
            }
        }
    }

    /// <summary>Records from now on.</summary>
    public void Start()
    {
        lock (_urls)
        {
            _recording = true;
        }
    }

    /// <summary>
    /// Stops, and returns what was recorded together with <paramref name="alsoSeen"/>: the URLs
    /// the page's resource timing listed, since each source may miss some (resource timing has no
    /// file:// entries; Playwright has not always reported them).
    /// </summary>
    public List<string> Stop(IEnumerable<string> alsoSeen)
    {
        lock (_urls)
        {
            _recording = false;
            return [.. _urls, .. alsoSeen];
        }
    }
}
