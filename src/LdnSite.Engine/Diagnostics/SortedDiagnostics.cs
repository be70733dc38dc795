namespace LdnSite.Engine.Diagnostics;

/// <summary>
/// <see cref="DiagnosticBag.Sorted"/> for a rebuilding engine. A rebuild reports again, as the
/// very same objects, nearly every diagnostic of the last build (a cached page's warnings), and a
/// few new ones (the edited page's). This keeps the last sorted list and, for each value, how many
/// distinct reported objects hold it, and applies only the objects that came and went: a site with
/// 10,000 warnings is not sorted again on every save.
/// </summary>
public sealed class SortedDiagnostics
{
    // Past this many changes a fresh sort is as cheap as the updates.
    private const int Limit = 512;

    // DiagnosticBag.Order as a comparer, made once rather than on every insertion and removal.
    private static readonly IComparer<Diagnostic> InOrder = Comparer<Diagnostic>.Create(DiagnosticBag.Order);

    private readonly List<Diagnostic> _sorted = [];
    private readonly List<int> _holders = [];
    private HashSet<Diagnostic> _reported = new(ReferenceEqualityComparer.Instance);
    private bool _valid;

    /// <summary>The distinct values of <paramref name="items"/>, in <see cref="DiagnosticBag.Order"/>.</summary>
    public IReadOnlyList<Diagnostic> Of(Diagnostic[] items)
    {
        var reported = new HashSet<Diagnostic>(items, ReferenceEqualityComparer.Instance);
        if (_valid)
        {
            var added = reported.Where(d => !_reported.Contains(d)).ToList();
            var gone = _reported.Where(d => !reported.Contains(d)).ToList();
            if (added.Count + gone.Count <= Limit && gone.All(Release))
            {
                added.ForEach(Hold);
                _reported = reported;
                return [.. _sorted];
            }
        }

        Rebuild(reported);
        return [.. _sorted];
    }

    private void Rebuild(HashSet<Diagnostic> reported)
    {
        var distinct = reported.ToArray();
        Array.Sort(distinct, DiagnosticBag.Order);
        _sorted.Clear();
        _holders.Clear();
        foreach (var diagnostic in distinct)
        {
            if (_sorted.Count > 0 && _sorted[^1].Equals(diagnostic))
            {
                _holders[^1]++;
            }
            else
            {
                _sorted.Add(diagnostic);
                _holders.Add(1);
            }
        }

        _reported = reported;
        _valid = true;
    }

    private void Hold(Diagnostic diagnostic)
    {
        var at = _sorted.BinarySearch(diagnostic, InOrder);
        if (at >= 0)
        {
            _holders[at]++;
        }
        else
        {
            _sorted.Insert(~at, diagnostic);
            _holders.Insert(~at, 1);
        }
    }

    // False when the value is not held (the tables no longer match what was reported).
    private bool Release(Diagnostic diagnostic)
    {
        var at = _sorted.BinarySearch(diagnostic, InOrder);
        if (at < 0)
        {
            _valid = false;
            return false;
        }

        if (--_holders[at] == 0)
        {
            _sorted.RemoveAt(at);
            _holders.RemoveAt(at);
        }

        return true;
    }
}
