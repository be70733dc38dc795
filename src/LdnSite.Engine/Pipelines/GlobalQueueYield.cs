namespace LdnSite.Engine.Pipelines;

using System.Runtime.CompilerServices;

/// <summary>
/// Awaited, resumes the method from the thread pool's global queue, which every idle worker takes
/// work from. Task.Yield and ConfigureAwaitOptions.ForceYielding queue the rest of the method on
/// the current worker's own queue, and with two cores the other worker did not take it from there
/// in time: two pipelines that should run side by side ran one after the other.
/// </summary>
internal readonly struct GlobalQueueYield : ICriticalNotifyCompletion
{
    /// <summary>The awaitable (it has no state).</summary>
    public static GlobalQueueYield Instance => default;

    /// <summary>Never done at once, so the rest of the method is always queued.</summary>
    public bool IsCompleted => false;

    /// <summary>Itself: the struct is both the awaitable and its awaiter.</summary>
    public GlobalQueueYield GetAwaiter() => this;

    /// <summary>Nothing to return.</summary>
    public void GetResult()
    {
    }

    /// <inheritdoc />
    public void OnCompleted(Action continuation) => ThreadPool.QueueUserWorkItem(static run => run(), continuation, preferLocal: false);

    /// <inheritdoc />
    public void UnsafeOnCompleted(Action continuation) => ThreadPool.UnsafeQueueUserWorkItem(static run => run(), continuation, preferLocal: false);
}
