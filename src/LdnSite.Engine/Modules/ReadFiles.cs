namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Input;
using LdnSite.Engine.Output;

/// <summary>
/// Reads every file under <paramref name="root"/> that <paramref name="include"/> accepts (given
/// the relative path). Only content is read: the host's <paramref name="rules"/> say which names
/// are content and which folders are passed over, and anything reached through a symbolic link
/// that leaves the folder, or that is not a regular file, is skipped too; each skipped file is a
/// warning naming it, so a stray link to <c>/etc/passwd</c> is never published. Sources are relative,
/// '/'-separated and sorted, so runs are repeatable. A missing root yields no documents (the
/// build checks its folders before it starts).
/// </summary>
public sealed class ReadFiles(string root, Func<string, bool> include, FileRules rules) : IModule
{
    /// <summary>Reads the files whose names end with one of <paramref name="extensions"/>.</summary>
    public static ReadFiles WithExtensions(string root, FileRules rules, params string[] extensions) =>
        new(root, path => extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)), rules);

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        if (!Directory.Exists(root))
        {
            return Task.FromResult<IReadOnlyList<Document>>([]);
        }

        // A dev server's rebuild reuses the last listing when its watcher saw nothing that could change it.
        var listing = context.Files.List(this, root, List);
        foreach (var skipped in listing.Diagnostics)
        {
            context.Diagnostics.Add(skipped);
        }

        return Task.FromResult(listing.Documents);
    }

    private Listing List()
    {
        var realRoot = OutputFolderGuard.RealPath(root);
        var walk = new WalkState(realRoot);
        walk.Visited.Add(realRoot);
        Walk(root, realRoot, "", walk, throughLink: false);
        IReadOnlyList<Document> read = walk.Found.OrderBy(d => d.Source, StringComparer.Ordinal).ToList();
        return new Listing(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)), read, walk.Skipped, walk.Files, walk.Folders, walk.PassedThroughLink, include, walk.SkippedPaths);
    }

    private sealed class WalkState(string realRoot)
    {
        public string RealRoot => realRoot;

        public List<Document> Found { get; } = [];

        public List<Diagnostic> Skipped { get; } = [];

        public HashSet<string> Visited { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Files { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Folders { get; } = new(StringComparer.Ordinal);

        public bool PassedThroughLink { get; set; }

        public HashSet<string> SkippedPaths { get; } = new(StringComparer.Ordinal);
    }

    // realFolder is folder with its links resolved: a plain child's real path is its parent's plus
    // its name, so only a link is resolved again (resolving every folder from the root made a
    // listing 1,000 folders deep take most of a minute).
    private void Walk(string folder, string realFolder, string prefix, WalkState walk, bool throughLink)
    {
        void Skip(string relative, string why)
        {
            walk.Skipped.Add(Diagnostic.Warning(Path.Combine(root, relative), 0, 0, rules.SkippedCode, $"Not published: {why}."));
            walk.SkippedPaths.Add(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(root, relative))));
        }

        walk.Folders.Add(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var relative = prefix + Path.GetFileName(file);
            if (!include(relative))
            {
                continue;
            }

            if (rules.SkipReason(Path.GetFileName(file)) is { } reason)
            {
                Skip(relative, reason);
                continue;
            }

            // One lstat answers for a plain file; only a link costs more checks.
            var kind = FileKinds.Of(file);
            if (kind == FileKinds.Kind.SymbolicLink && new FileInfo(file).LinkTarget is not null && LinkProblem(file, walk.RealRoot, isFolder: false) is { } linkProblem)
            {
                Skip(relative, linkProblem);
                continue;
            }

            if (kind == FileKinds.Kind.Other || (kind == FileKinds.Kind.SymbolicLink && !FileKinds.IsRegularFile(file)))
            {
                // A named pipe would block the build forever when read.
                Skip(relative, "it is not a regular file (a named pipe, socket or device)");
                continue;
            }

            if (kind == FileKinds.Kind.RegularFile && !throughLink)
            {
                walk.Files.Add(Path.GetFullPath(file));
            }
            else
            {
                walk.PassedThroughLink = true;
            }

            walk.Found.Add(new Document(relative, "", Metadata.Empty, new FileContent(file)));
        }

        foreach (var child in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(child);
            var relative = prefix + name;
            if (rules.PassOver(name))
            {
                continue;
            }

            if (rules.SkipReason(name) is { } reason)
            {
                Skip(relative + "/", reason);
                continue;
            }

            var isLink = new DirectoryInfo(child).LinkTarget is not null;
            if (isLink && LinkProblem(child, walk.RealRoot, isFolder: true) is { } linkProblem)
            {
                Skip(relative + "/", linkProblem);
                continue;
            }

            // A link back to a folder already read would repeat it forever.
            var realChild = isLink ? OutputFolderGuard.RealPath(child) : Path.Combine(realFolder, name);
            if (!walk.Visited.Add(realChild))
            {
                Skip(relative + "/", "it is a symbolic link to a folder that is already read (a loop)");
                continue;
            }

            walk.PassedThroughLink |= isLink;
            Walk(child, realChild, relative + "/", walk, throughLink || isLink);
        }
    }

    // A symbolic link is followed only when it resolves to an existing file or folder inside the root.
    private static string? LinkProblem(string path, string realRoot, bool isFolder)
    {
        FileSystemInfo? target;
        try
        {
            target = isFolder ? new DirectoryInfo(path).ResolveLinkTarget(returnFinalTarget: true) : new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            return "it is a symbolic link that loops";
        }

        if (target is null || !target.Exists)
        {
            return "it is a symbolic link to nothing";
        }

        var real = OutputFolderGuard.RealPath(target.FullName);
        return OutputPaths.IsInside(real, realRoot) ? null : "it is a symbolic link to a place outside the folder";
    }
}
