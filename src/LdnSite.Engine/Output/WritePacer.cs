namespace LdnSite.Engine.Output;

/// <summary>
/// Collects the youngest generation each time the process has allocated <see cref="Budget"/>
/// bytes while a one-shot build writes its files. Writing a site allocates fast and keeps almost
/// nothing (a page's text is garbage once it is on disk), yet right after the collection before
/// writing the runtime let about 110 MB of that garbage pile up before its first collection,
/// whatever its gen0 settings (GCgen0size and GCgen0MaxBudget were tried), and the heap's
/// committed memory, so the build's peak, grew by that much. Measured at 10,000 pages
/// (framework-dependent build, same machine, runs alternated), peak working set: 419-427 MB
/// unpaced; 329-341 MB with 32 MB (four builds); 350-359 MB with 16 MB and 323-337 MB with 8 MB,
/// which collect more often; 365 MB with 64 MB. Build times stayed within the machine's noise.
/// Like the collection before writing, it is only for a process that is the build (see
/// <see cref="Pipelines.Engine.CollectBeforeWriting"/>): a forced collection pauses every thread,
/// and the allocation count is the whole process's. One pacer for the build, shared by every
/// pipeline that writes, because the heap is one.
/// </summary>
public sealed class WritePacer
{
    /// <summary>How much may be allocated between two collections while writing.</summary>
    public const long Budget = 32L * 1024 * 1024;

    private readonly Lock _gate = new();
    private long _next = GC.GetTotalAllocatedBytes() + Budget;

    /// <summary>Called before a pipeline writes its files: the budget counts from here.</summary>
    public void Begin() => Volatile.Write(ref _next, GC.GetTotalAllocatedBytes() + Budget);

    /// <summary>Called after each file is written, from any thread.</summary>
    public void Wrote()
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
