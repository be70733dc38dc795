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
        // Set, never cleared: "x |= y" reads and writes, and a warning added at the same moment
        // as an error could write back the old "no errors".
        if (diagnostic.Severity == Severity.Error)
        {
            _hasErrors = true;
        }

        parent?.Add(diagnostic);
    }

    /// <summary>Every diagnostic added, in no particular order.</summary>
    public Diagnostic[] Items => _items.ToArray();

    /// <summary>Whether any error was reported here.</summary>
    public bool HasErrors => _hasErrors;

    /// <summary>A bag that reports to this one and knows which errors are its own.</summary>
    public DiagnosticBag Child() => new(this);

    /// <summary>
    /// All diagnostics, each once, sorted by file, line, column, code, message and severity, so
    /// output is repeatable. Sorted in place with one comparison rather than LINQ's chain of
    /// keys, and duplicates (equal in every field, so next to each other) dropped after: a
    /// 10,000-page site reports some 10,000 warnings on every rebuild.
    /// </summary>
    public IReadOnlyList<Diagnostic> Sorted() => SortedOf(_items.ToArray());

    /// <summary>See <see cref="Sorted"/>; sorts <paramref name="items"/> in place.</summary>
    private static IReadOnlyList<Diagnostic> SortedOf(Diagnostic[] items)
    {
        Array.Sort(items, Order);
        var sorted = new List<Diagnostic>(items.Length);
        foreach (var item in items)
        {
            if (sorted.Count == 0 || !sorted[^1].Equals(item))
            {
                sorted.Add(item);
            }
        }

        return sorted;
    }

    /// <summary>The order diagnostics are reported in; two compare equal only when they are equal.</summary>
    public static int Order(Diagnostic a, Diagnostic b)
    {
        var order = string.CompareOrdinal(a.Path, b.Path);
        if (order == 0)
        {
            order = a.Line.CompareTo(b.Line);
        }

        if (order == 0)
        {
            order = a.Column.CompareTo(b.Column);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Code, b.Code);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Message, b.Message);
        }

        return order != 0 ? order : a.Severity.CompareTo(b.Severity);
    }
}
