namespace LdnSite.Engine.Modules;

/// <summary>
/// A named part of the <see cref="BuildCache"/> that holds results of one type, kept while their
/// key is equal. The host declares each partition once, with its key recipe, so a module names
/// it by this typed handle rather than by a string (a rename is a compile error).
/// </summary>
/// <typeparam name="T">The results it holds.</typeparam>
/// <param name="name">The partition's name, unique among the host's partitions.</param>
public sealed class CachePartition<T>(string name)
    where T : notnull
{
    /// <summary>The partition's name.</summary>
    public string Name => name;

    /// <summary>The result for <paramref name="key"/>, made by <paramref name="compute"/> when the cache does not hold it (or is off).</summary>
    public T GetOrAdd(BuildCache cache, string key, Func<T> compute) => cache.GetOrAdd(name, key, compute);

    /// <summary>As <see cref="GetOrAdd(BuildCache, string, Func{T})"/>, also giving a handle to the entry (see <see cref="BuildCache.TryGet{T}"/>).</summary>
    public T GetOrAdd(BuildCache cache, string key, Func<T> compute, out object? handle) => cache.GetOrAdd(name, key, compute, out handle);
}
