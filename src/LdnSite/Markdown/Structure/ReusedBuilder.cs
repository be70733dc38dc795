namespace LdnSite.Markdown.Structure;

using System.Text;

/// <summary>
/// One builder per thread for text a page is turned into on the way (its HTML body, its sections'
/// text, its prose for the reading level), handed from page to page instead of made for each:
/// thousands of pages would otherwise each grow fresh builders. Taken with <see cref="Acquire"/>
/// and given back with <see cref="Release"/>, so a nested use gets a builder of its own.
/// </summary>
public static class ReusedBuilder
{
    // One huge page should not pin a huge buffer for the rest of the build.
    private const int KeptCapacity = 4 * 1024 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_free;

    /// <summary>This thread's empty builder, or a new one while it is in use.</summary>
    public static StringBuilder Acquire()
    {
        var builder = t_free ?? new StringBuilder(64 * 1024);
        t_free = null;
        return builder.Clear();
    }

    /// <summary>Gives <paramref name="builder"/> back for the next page; its text may not be used after this.</summary>
    public static void Release(StringBuilder builder)
    {
        if (builder.Capacity <= KeptCapacity)
        {
            t_free = builder;
        }
    }
}
