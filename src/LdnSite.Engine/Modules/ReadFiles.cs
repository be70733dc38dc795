namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Input;
using LdnSite.Engine.Output;

/// <summary>
/// Reads every file under <paramref name="root"/> that <paramref name="include"/> accepts (given
/// the relative path). Only content is read: folders starting with '_' (data) and node_modules
/// are passed over, and dotfiles, dot-folders, editor backups and anything reached through a
/// symbolic link that leaves the folder are skipped with a warning naming each one, so a stray
/// <c>.env</c> or a link to <c>/etc/passwd</c> is never published. Sources are relative,
/// '/'-separated and sorted, so runs are repeatable. A missing root yields no documents (the
/// build checks its folders before it starts).
/// </summary>
public sealed class ReadFiles(string root, Func<string, bool> include) : IModule
{
    /// <summary>Reads the files whose names end with one of <paramref name="extensions"/>.</summary>
    public static ReadFiles WithExtensions(string root, params string[] extensions) =>
        new(root, path => extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Why a file or folder name is not content, or null when it is.</summary>
    /// <remarks>
    /// Names become web addresses and zip entries, so only plain ASCII letters, digits, '.', '-'
    /// and '_' are published: a ':' would make 'javascript:…' an address, '#', '?' and '%'
    /// break links, and look-alike Unicode or reserved Windows names break the offline zip.
    /// </remarks>
    public static string? SkipReason(string name) =>
        name.StartsWith('.') ? "its name starts with '.' (hidden files are never published)"
        : name.EndsWith('~') || name.EndsWith(".bak", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".swo", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            ? "it looks like an editor backup or temporary file"
        : name.Length > 100 || name.AsSpan().ContainsAnyExcept(NameCharacters) || !char.IsAsciiLetterOrDigit(name[0])
            ? "names become web addresses, so they may hold only letters a-z, digits, '-', '_' and '.', start with a letter or digit, and be at most 100 characters (rename it, e.g. with '-' for spaces)"
        : ReservedOnWindows.Contains(name.AsSpan(0, name.IndexOf('.') is >= 0 and var dot ? dot : name.Length)) ? "its name is reserved on Windows, where the offline zip could not be unpacked"
        : null;

    // Checked for every file of every build (a rebuild lists 10,000 pages), so without allocating.
    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReservedOnWindows =
        new HashSet<string>(["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

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
        Walk(root, "", walk, throughLink: false);
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

    private void Walk(string folder, string prefix, WalkState walk, bool throughLink)
    {
        void Skip(string relative, string why)
        {
            walk.Skipped.Add(Diagnostic.Warning(Path.Combine(root, relative), 0, 0, "LDN080", $"Not published: {why}."));
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

            if (SkipReason(Path.GetFileName(file)) is { } reason)
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
            if (name.StartsWith('_') || name == "node_modules")
            {
                continue;
            }

            if (SkipReason(name) is { } reason)
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
            if (!walk.Visited.Add(OutputFolderGuard.RealPath(child)))
            {
                Skip(relative + "/", "it is a symbolic link to a folder that is already read (a loop)");
                continue;
            }

            walk.PassedThroughLink |= isLink;
            Walk(child, relative + "/", walk, throughLink || isLink);
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
