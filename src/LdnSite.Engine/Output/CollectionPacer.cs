namespace LdnSite.Engine.Output;

/// <summary>
/// Collects the youngest generation each time the process has allocated <see cref="Budget"/>
/// bytes, in a one-shot build: after each document a pipeline processes, and after each file it
/// writes. The runtime sizes its own budget for the youngest generation by how much of it
/// survives, and a build's mix of long-lived page data and short-lived garbage led it to let far
/// more pile up than the heap needed, while writing (whatever the gen0 settings) and, once the
/// pages' analysis made less garbage, while processing too. The budget and the measurements
/// behind it are in the benchmark's record (RECORD.md).
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
