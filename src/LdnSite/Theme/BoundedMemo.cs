namespace LdnSite.Theme;

using System.Collections.Concurrent;

/// <summary>
/// Results kept by exactly what they are made from (a partial's rendering by what the partial
/// can see), each made once even when pages ask for it side by side. A site whose every key
/// differed would only fill the memo, so past <paramref name="bound"/> keys a result is made
/// without being kept.
/// </summary>
// The annotation is Lazy's own (its parameterless-constructor path, never used here), passed on for the native program's trimming analysis.
internal sealed class BoundedMemo<TKey, [System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TValue>(int bound, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<TValue>> _kept = new(comparer);
    private int _asked;

    /// <summary>The result kept for <paramref name="key"/>, made by <paramref name="make"/> when there is none.</summary>
    public TValue Get(TKey key, Func<TValue> make)
    {
        if (_kept.TryGetValue(key, out var known))
        {
            return known.Value;
        }

        return Interlocked.Increment(ref _asked) <= bound ? _kept.GetOrAdd(key, _ => new Lazy<TValue>(make)).Value : make();
    }
}
