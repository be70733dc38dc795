namespace LdnSite.Search;

/// <summary>The number of the group an item belongs to, for <see cref="StableGrouping"/>.</summary>
/// <typeparam name="T">The items.</typeparam>
internal interface IGroupOf<T>
{
    /// <summary>The group of <paramref name="item"/>, from 0 to the group count less one.</summary>
    static abstract int Of(in T item);
}

/// <summary>
/// Groups items by a small group number with a counting sort: linear, and stable, so items keep
/// their order within a group (postings stay in page order, ids increasing). Used where a page's
/// or a block's postings, gathered in reading order, are written term by term.
/// </summary>
internal static class StableGrouping
{
    /// <summary>
    /// Writes <paramref name="items"/> into <paramref name="into"/> grouped by
    /// <typeparamref name="TGroup"/>; returns where each group starts (one more entry than there
    /// are groups, the last being the item count), so group g is <c>into[starts[g]..starts[g + 1]]</c>.
    /// </summary>
    public static int[] Group<T, TGroup>(ReadOnlySpan<T> items, int groups, Span<T> into)
        where TGroup : IGroupOf<T>
    {
        var starts = new int[groups + 1];
        foreach (var item in items)
        {
            starts[TGroup.Of(item) + 1]++;
        }

        for (var g = 1; g < starts.Length; g++)
        {
            starts[g] += starts[g - 1];
        }

        var next = starts[..^1];
        foreach (var item in items)
        {
            into[next[TGroup.Of(item)]++] = item;
        }

        return starts;
    }
}
