using System.Collections.Immutable;

namespace LdnSite.Engine.Documents;

/// <summary>An immutable bag of typed values, indexed by <see cref="MetadataKey{T}"/>.</summary>
public sealed class Metadata
{
    /// <summary>Metadata with no values.</summary>
    public static readonly Metadata Empty = new(ImmutableDictionary<object, object>.Empty.WithComparers(ReferenceEqualityComparer.Instance));

    private readonly ImmutableDictionary<object, object> _values;

    private Metadata(ImmutableDictionary<object, object> values) => _values = values;

    /// <summary>Returns a copy with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public Metadata With<T>(MetadataKey<T> key, T value) where T : notnull => new(_values.SetItem(key, value));

    /// <summary>Returns a copy without <paramref name="key"/>, so a large value no later module needs can be collected.</summary>
    public Metadata Without<T>(MetadataKey<T> key) => new(_values.Remove(key));

    /// <summary>The value under <paramref name="key"/>, or throws naming the missing key.</summary>
    public T Get<T>(MetadataKey<T> key) =>
        _values.TryGetValue(key, out var value)
            ? (T)value
            : throw new KeyNotFoundException($"Metadata '{key.Name}' is not set; a module that sets it must run first.");

    /// <summary>The value under <paramref name="key"/>, or <paramref name="fallback"/>.</summary>
    public T GetOrDefault<T>(MetadataKey<T> key, T fallback) =>
        _values.TryGetValue(key, out var value) ? (T)value : fallback;
}
