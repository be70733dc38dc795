namespace LdnSite.Engine.Modules;

using System.Collections.Concurrent;
using LdnSite.Engine.Documents;

/// <summary>
/// Writes each document with a destination into the output folder, in parallel. When an engine
/// writes into the same folder again (a dev server's rebuild), text that has not changed is not
/// rewritten and files this module wrote before but no longer produces are deleted, so a
/// one-page edit writes one page.
/// </summary>
public sealed class WriteFiles : IModule
{
    private readonly ConcurrentDictionary<string, DocumentContent> _written = new(StringComparer.Ordinal);
    private string? _lastFolder;

    /// <summary>How many files the last run wrote (the rest were unchanged).</summary>
    public int LastWriteCount { get; private set; }

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var sameFolder = _lastFolder == context.OutputFolder;
        if (!sameFolder)
        {
            _written.Clear();
            _lastFolder = context.OutputFolder;
        }

        var written = 0;
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in inputs.Where(d => d.Destination.Length > 0))
        {
            current.Add(document.Destination);
        }

        // Text is compared exactly; copied files are always copied, since their path alone says nothing of their content.
        var changed = inputs
            .Where(d => d.Destination.Length > 0)
            .Where(d => !(d.Content is TextContent && _written.TryGetValue(d.Destination, out var previous) && previous == d.Content))
            .ToList();

        // Each folder is created once, not once per file: mkdir is a visible share of writing a large site.
        foreach (var folder in changed.Select(d => Path.GetDirectoryName(Path.Combine(context.OutputFolder, d.Destination))!).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(folder);
        }

        Parallel.ForEach(changed, document =>
        {
            var path = Path.Combine(context.OutputFolder, document.Destination);
            document.Content.WriteTo(path);
            _written[document.Destination] = document.Content;
            Interlocked.Increment(ref written);
        });

        foreach (var stale in _written.Keys.Where(k => !current.Contains(k)).ToList())
        {
            File.Delete(Path.Combine(context.OutputFolder, stale));
            _written.TryRemove(stale, out _);
        }

        LastWriteCount = written;
        return Task.FromResult(inputs);
    }
}
