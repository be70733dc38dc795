namespace LdnSite.Engine.Output;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;

/// <summary>
/// <see cref="OutputPaths.Check"/> for a rebuilding engine. Its findings depend only on each
/// document's pipeline, destination and source, in order. A rebuild changes few of those (the
/// edited page's search chunks get new names), so when the last build's paths were all good this
/// checks only the claims that changed against tables of every file and folder claimed, and runs
/// the whole check (which names the documents involved) as soon as anything looks wrong. A
/// rebuild at 10,000 pages checked 20,000 paths twice; now it checks a few dozen.
/// </summary>
public sealed class OutputPathMemo
{
    private readonly Lock _lock = new();
    private (string Pipeline, Document Document)[] _claims = [];
    private IReadOnlyList<Diagnostic>? _problems;

    // Kept only while the last check found nothing: every file claimed, and how many files lie
    // under each folder (both ignoring case, as the check does).
    private Dictionary<string, int>? _files;
    private Dictionary<string, int>? _folders;

    /// <summary>The problems with <paramref name="outputs"/>' paths (see <see cref="OutputPaths.Check"/>).</summary>
    public IReadOnlyList<Diagnostic> Check(IReadOnlyList<(string Pipeline, Document Document)> outputs, EngineCodes codes)
    {
        lock (_lock)
        {
            if (_problems is { Count: 0 } && _files is not null && CheckedChanges(outputs))
            {
                _claims = [.. outputs];
                return _problems;
            }

            _problems = OutputPaths.Check(outputs, codes);
            _claims = [.. outputs];
            (_files, _folders) = (null, null);
            if (_problems.Count == 0)
            {
                (_files, _folders) = (new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase));
                foreach (var (_, document) in outputs)
                {
                    if (document.Destination.Length > 0)
                    {
                        Add(document.Destination);
                    }
                }
            }

            return _problems;
        }
    }

    // Updates the tables for the claims that differ from the last build's at the same place, and
    // says whether every new path is safe and clashes with none. False leaves the tables unusable
    // (the caller checks everything and rebuilds them).
    private bool CheckedChanges(IReadOnlyList<(string Pipeline, Document Document)> claims)
    {
        if (claims.Count != _claims.Length)
        {
            return false;
        }

        var removed = new List<string>();
        var added = new List<string>();
        for (var i = 0; i < claims.Count; i++)
        {
            var (was, now) = (_claims[i], claims[i]);
            // The same document is the same claim; another one may still claim the same path.
            if (ReferenceEquals(was.Document, now.Document) && was.Pipeline == now.Pipeline)
            {
                continue;
            }

            if (was.Pipeline == now.Pipeline && was.Document.Destination == now.Document.Destination && was.Document.Source == now.Document.Source)
            {
                continue;
            }

            if (was.Document.Destination.Length > 0)
            {
                removed.Add(was.Document.Destination);
            }

            if (now.Document.Destination.Length > 0)
            {
                added.Add(now.Document.Destination);
            }
        }

        foreach (var destination in removed)
        {
            Remove(destination);
        }

        foreach (var destination in added)
        {
            if (OutputPaths.Problem(destination) is not null || !Add(destination))
            {
                return false;
            }
        }

        return true;
    }

    // Claims a file; false when it is claimed already, is another file's folder, or has a file as one of its folders.
    private bool Add(string destination)
    {
        if (_files!.ContainsKey(destination) || _folders!.ContainsKey(destination))
        {
            return false;
        }

        for (var slash = destination.IndexOf('/'); slash > 0; slash = destination.IndexOf('/', slash + 1))
        {
            if (_files.ContainsKey(destination[..slash]))
            {
                return false;
            }
        }

        _files[destination] = 1;
        for (var slash = destination.IndexOf('/'); slash > 0; slash = destination.IndexOf('/', slash + 1))
        {
            var folder = destination[..slash];
            _folders[folder] = _folders.GetValueOrDefault(folder) + 1;
        }

        return true;
    }

    private void Remove(string destination)
    {
        _files!.Remove(destination);
        for (var slash = destination.IndexOf('/'); slash > 0; slash = destination.IndexOf('/', slash + 1))
        {
            var folder = destination[..slash];
            if (--_folders![folder] == 0)
            {
                _folders.Remove(folder);
            }
        }
    }
}
