namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Documents;

/// <summary>
/// Reads every file under <paramref name="root"/> that <paramref name="include"/> accepts (given
/// the relative path), skipping folders whose name starts with '_' or '.', and node_modules.
/// Sources are relative, '/'-separated and sorted, so runs are repeatable. A missing root
/// yields no documents.
/// </summary>
public sealed class ReadFiles(string root, Func<string, bool> include) : IModule
{
    /// <summary>Reads the files whose names end with one of <paramref name="extensions"/>.</summary>
    public static ReadFiles WithExtensions(string root, params string[] extensions) =>
        new(root, path => extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)));

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        IReadOnlyList<Document> read = Directory.Exists(root)
            ? Find(root)
                .Select(path => (Path: path, Relative: Path.GetRelativePath(root, path).Replace('\\', '/')))
                .Where(f => include(f.Relative))
                .Select(f => new Document(f.Relative, "", Metadata.Empty, new FileContent(f.Path)))
                .OrderBy(d => d.Source, StringComparer.Ordinal)
                .ToList()
            : [];
        return Task.FromResult(read);
    }

    private static IEnumerable<string> Find(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(child);
            if (name.StartsWith('_') || name.StartsWith('.') || name == "node_modules")
            {
                continue;
            }

            foreach (var file in Find(child))
            {
                yield return file;
            }
        }
    }
}
