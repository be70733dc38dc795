namespace LdnSite.Engine.Modules;

/// <summary>A list compared by its items in order (for the parts a <see cref="SiteWideMemo{TPart, TResult}"/> compares).</summary>
/// <typeparam name="T">The item type, compared by its own equality.</typeparam>
/// <param name="List">The list.</param>
public readonly record struct Items<T>(IReadOnlyList<T> List)
{
    /// <inheritdoc />
    public bool Equals(Items<T> other) => ReferenceEquals(List, other.List) || List.SequenceEqual(other.List);

    /// <inheritdoc />
    public override int GetHashCode() => List.Count;
}

/// <summary>A set compared by its members (for the parts a <see cref="SiteWideMemo{TPart, TResult}"/> compares).</summary>
/// <param name="Set">The set.</param>
public readonly record struct Members(IReadOnlySet<string> Set)
{
    /// <inheritdoc />
    public bool Equals(Members other) => ReferenceEquals(Set, other.Set) || (Set.Count == other.Set.Count && Set.SetEquals(other.Set));

    /// <inheritdoc />
    public override int GetHashCode() => Set.Count;
}
