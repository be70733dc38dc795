using System.Collections.Concurrent;

namespace LdnSite.Engine.Diagnostics;

/// <summary>Collects diagnostics from modules running in parallel; reports them in a stable order.</summary>
public sealed class DiagnosticBag(DiagnosticBag? parent = null)
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();
    private volatile bool _hasErrors;

    /// <summary>Adds one diagnostic (and to the bag this one reports to).</summary>
    public void Add(Diagnostic diagnostic)
    {
        _items.Enqueue(diagnostic);
        _hasErrors |= diagnostic.Severity == Severity.Error;
        parent?.Add(diagnostic);
    }

    /// <summary>Whether any error was reported here.</summary>
    public bool HasErrors => _hasErrors;

    /// <summary>A bag that reports to this one and knows which errors are its own.</summary>
    public DiagnosticBag Child() => new(this);

    /// <summary>All diagnostics sorted by file, line, column and code, so output is repeatable.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Distinct()
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
