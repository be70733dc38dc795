namespace LdnSite.Engine.Documents;

/// <summary>
/// A typed metadata key. Keys are compared by reference, so two modules can only share a value
/// when they share the key object: no stringly-typed lookups, no casts at the call site.
/// </summary>
/// <typeparam name="T">The type of the value stored under this key.</typeparam>
public sealed class MetadataKey<T>(string name)
{
    /// <summary>The name, for diagnostics only.</summary>
    public string Name { get; } = name;

    /// <inheritdoc />
    public override string ToString() => Name;
}
