namespace LdnSite.Modules;

using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>
/// A pipeline's source paths as a set and a hash (part of <see cref="SiteInputs"/>), worked out
/// again only when the paths differ from the last build's. A rebuild under a watcher gets the
/// same listing back, and comparing 10,000 paths that are the same strings is far cheaper than
/// sorting and hashing them.
/// </summary>
public sealed class SourceSetMemo
{
    private readonly Lock _lock = new();
    private string[] _sources = [];
    private (IReadOnlySet<string> Set, string Key)? _last;

    /// <summary>The sources of <paramref name="documents"/>, and a hash of them in ordinal order.</summary>
    public (IReadOnlySet<string> Set, string Key) For(IReadOnlyList<Document> documents)
    {
        lock (_lock)
        {
            if (_last is { } last && Same(documents))
            {
                return last;
            }

            var sources = documents.Select(d => d.Source).ToArray();
            var set = sources.ToHashSet(StringComparer.Ordinal);
            _last = (set, BuildCache.Key(set.Order(StringComparer.Ordinal).ToArray()));
            _sources = sources;
            return _last.Value;
        }
    }

    private bool Same(IReadOnlyList<Document> documents)
    {
        if (documents.Count != _sources.Length)
        {
            return false;
        }

        for (var i = 0; i < _sources.Length; i++)
        {
            if (!string.Equals(documents[i].Source, _sources[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
