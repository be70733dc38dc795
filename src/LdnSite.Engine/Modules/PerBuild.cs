namespace LdnSite.Engine.Modules;

/// <summary>
/// A value worked out once per build and shared by every module and document that asks for it
/// (a renderer, the site's input fingerprint), and worked out again for the next build.
/// </summary>
public sealed class PerBuild<T>(Func<IExecutionContext, T> create) where T : class
{
    private readonly Lock _lock = new();
    private Entry? _current;

    /// <summary>The value for the build <paramref name="context"/> belongs to.</summary>
    public T For(IExecutionContext context)
    {
        var current = Volatile.Read(ref _current);
        if (current is null || current.Build != context.Build)
        {
            lock (_lock)
            {
                current = _current;
                if (current is null || current.Build != context.Build)
                {
                    current = new Entry(context.Build, create(context));
                    Volatile.Write(ref _current, current);
                }
            }
        }

        return current.Value;
    }

    private sealed record Entry(object Build, T Value);
}
