namespace LdnSite.Cli;

using LdnSite.Engine.Modules;

/// <summary>
/// The command line's memory policy for a one-shot build, which is the whole process: one full,
/// compacting collection before writing (once the heap has grown past <see cref="CollectAbove"/>),
/// and a collection of the youngest generation each time the process has allocated
/// <see cref="Budget"/> bytes while documents are processed and written. The runtime sizes its
/// own budget for the youngest generation by how much of it survives, and a build's mix of
/// long-lived page data and short-lived garbage led it to let far more pile up than the heap
/// needed, while writing (whatever the gen0 settings) and, once the pages' analysis made less
/// garbage, while processing too. The budgets and the measurements behind them are in the
/// benchmark's record (RECORD.md).
/// </summary>
public sealed class MemoryPacing : IBuildPacing
{
    /// <summary>How much may be allocated between two collections.</summary>
    public const long Budget = 32L * 1024 * 1024;

    /// <summary>Below this heap the collection before writing is skipped: such a build's peak is no concern, and a full collection was a visible share of a small site's build.</summary>
    public const long CollectAbove = 128L * 1024 * 1024;

    private readonly Lock _gate = new();
    private long _next = GC.GetTotalAllocatedBytes() + Budget;

    /// <inheritdoc />
    public void AfterDocument()
    {
        if (GC.GetTotalAllocatedBytes() < Volatile.Read(ref _next))
        {
            return;
        }

        lock (_gate)
        {
            if (GC.GetTotalAllocatedBytes() >= _next)
            {
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                Volatile.Write(ref _next, GC.GetTotalAllocatedBytes() + Budget);
            }
        }
    }

    /// <inheritdoc />
    public void BeforeOutput()
    {
        // What processing allocated (syntax trees, the search merge) is garbage by now but sits in
        // the older generations, and writing would otherwise grow the heap on top of it.
        if (GC.GetTotalMemory(forceFullCollection: false) >= CollectAbove)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <inheritdoc />
    public void BeforeWriting() => Volatile.Write(ref _next, GC.GetTotalAllocatedBytes() + Budget);
}
