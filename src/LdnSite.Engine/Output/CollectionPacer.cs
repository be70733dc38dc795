namespace LdnSite.Engine.Output;

/// <summary>
/// Collects the youngest generation each time the process has allocated <see cref="Budget"/>
/// bytes, in a one-shot build: after each document a pipeline processes, and after each file it
/// writes. The runtime sizes its own budget for the youngest generation by how much of it
/// survives, and a build's mix of long-lived page data and short-lived garbage led it to let far
/// more pile up than the heap needed:
/// - writing: right after the collection before writing, about 110 MB of garbage piled up before
///   the first collection, whatever the gen0 settings (GCgen0size and GCgen0MaxBudget were tried).
///   Peak working set at 10,000 pages, framework-dependent build: 419-427 MB unpaced, 329-341 MB
///   paced at 32 MB, 350-359 MB at 16 MB, 323-337 MB at 8 MB, 365 MB at 64 MB.
/// - processing: once the pages' analysis made less garbage, the runtime let its budget grow
///   (107 collections of the youngest generation at 10,000 pages instead of 262) and the peak moved
///   to the end of processing: 387 MB, against 378-382 MB before that change and 354-356 MB paced
///   here too (in-process, framework-dependent; build time 9.7-9.9 s against 10.9-11.9 s before).
/// Like the collection before writing, it is only for a process that is the build (see
/// <see cref="Pipelines.Engine.CollectBeforeWriting"/>): a forced collection pauses every thread,
/// and the allocation count is the whole process's. One pacer for the build, shared by every
/// pipeline, because the heap is one.
/// </summary>
public sealed class CollectionPacer
{
    /// <summary>How much may be allocated between two collections.</summary>
    public const long Budget = 32L * 1024 * 1024;

    private readonly Lock _gate = new();
    private long _next = GC.GetTotalAllocatedBytes() + Budget;

    /// <summary>Called before a pipeline writes its files (after the collection before writing, when there is one): the budget counts afresh from here.</summary>
    public void Begin() => Volatile.Write(ref _next, GC.GetTotalAllocatedBytes() + Budget);

    /// <summary>Called after each document is processed or written, from any thread (<see cref="Modules.DocumentModule"/>, <see cref="Modules.WriteFiles"/>).</summary>
    public void Tick()
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
}
