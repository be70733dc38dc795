namespace LdnSite.Theme;

using System.Collections.Concurrent;

/// <summary>
/// Renderings of a partial kept by exactly what the partial can see, each made once even when
/// pages ask for it side by side. A site whose every key differed would only fill the memo, so
/// past <paramref name="bound"/> keys a rendering is made without being kept.
/// </summary>
internal sealed class BoundedMemo<TKey>(int bound, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<string>> _kept = new(comparer);
    private int _asked;

    /// <summary>The rendering kept for <paramref name="key"/>, made by <paramref name="render"/> when there is none.</summary>
    public string Get(TKey key, Func<string> render)
    {
        if (_kept.TryGetValue(key, out var known))
        {
            return known.Value;
        }

        return Interlocked.Increment(ref _asked) <= bound ? _kept.GetOrAdd(key, _ => new Lazy<string>(render)).Value : render();
    }
}
