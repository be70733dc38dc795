namespace LdnSite.Engine.Modules;

using System.Runtime.CompilerServices;
using LdnSite.Engine.Documents;

/// <summary>
/// A cached result per document, found again without its key. A rebuild hands most documents
/// back as the very objects of the last build; for such a document whose key inputs are equal
/// to last time's, the last build's entry is taken through its handle (<see cref="BuildCache.TryGet{T}"/>)
/// instead of making the key again and hashing it: keys are 150-250 characters, and at 10,000
/// pages writing and hashing them was a fifth of what a one-page rebuild allocated. The cache
/// still decides: an entry it has dropped is made again under the key, so the result is always
/// the one the key names.
/// </summary>
/// <typeparam name="TInputs">What the key is made from, compared with <see cref="EqualityComparer{T}.Default"/>.</typeparam>
/// <typeparam name="T">The cached result.</typeparam>
public sealed class LastEntries<TInputs, T>
    where T : notnull
{
    private readonly ConditionalWeakTable<Document, Last> _last = new();

    /// <summary>
    /// Last build's result for <paramref name="document"/>, if its inputs are equal and the cache
    /// still holds it. Apart from <see cref="GetOrAdd"/> so that this path, taken for nearly every
    /// page of a rebuild, allocates nothing: a rebuild at 10,000 pages takes it 20,000 times, and
    /// garbage costs collections of a large heap. Callers keep the closure that makes a result in
    /// a method of its own, so that it is not made on this path either.
    /// </summary>
    public bool TryGet(BuildCache cache, Document document, TInputs inputs, out T value)
    {
        if (_last.TryGetValue(document, out var last) && EqualityComparer<TInputs>.Default.Equals(last.Inputs, inputs))
        {
            return cache.TryGet(last.Handle, out value);
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// The cache's entry for <paramref name="document"/> under <paramref name="key"/> of its inputs
    /// (made by <paramref name="make"/> when the cache has none), remembered for <see cref="TryGet"/>.
    /// The key is not made again while the inputs are equal to last time's.
    /// </summary>
    public T GetOrAdd(BuildCache cache, string name, Document document, TInputs inputs, Func<TInputs, string> key, Func<T> make)
    {
        var same = _last.TryGetValue(document, out var last) && EqualityComparer<TInputs>.Default.Equals(last.Inputs, inputs);
        var made = same ? last!.Key : key(inputs);
        var value = cache.GetOrAdd(name, made, make, out var handle);
        _last.AddOrUpdate(document, new Last(inputs, made, handle));
        return value;
    }

    private sealed record Last(TInputs Inputs, string Key, object? Handle);
}
