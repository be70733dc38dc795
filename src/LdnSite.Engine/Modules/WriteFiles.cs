namespace LdnSite.Engine.Modules;

using System.Collections.Concurrent;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;

/// <summary>
/// Writes each document with a destination into the output folder, in parallel. When an engine
/// that keeps its cache writes into the same folder again (a dev server's rebuild), text that has
/// not changed is not rewritten and files this module wrote before but no longer produces are
/// deleted, so a one-page edit writes one page.
/// </summary>
public sealed class WriteFiles : IModule
{
    private readonly ConcurrentDictionary<string, object?> _written = new(StringComparer.Ordinal);

    // The documents the last build wrote, in order, once all were written (a rebuilding engine's only).
    private Document[]? _last;

    /// <summary>
    /// Forgets what was written: the folder it went to was thrown away (a failed first build's
    /// staging folder) or removed, so the next build must write everything again.
    /// </summary>
    public void ForgetWrites()
    {
        _written.Clear();
        _last = null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        // Remembering what was written costs memory, so only an engine that rebuilds does it.
        // What was written is kept by relative path: a rebuilding engine's first build goes to a
        // staging folder that then becomes the output, and the next build must still know which
        // files it wrote there (a page deleted after the first build was once left behind).
        var remember = context.Cache.Enabled;
        if (!remember)
        {
            _written.Clear();
        }

        var documents = inputs.Where(d => d.Destination.Length > 0).ToList();

        // A rebuild hands most documents over as the very objects it wrote last time, at the same
        // places: those are written already, and when every place keeps its path no file can have
        // gone stale, so neither needs a look-up per file (10,000 at 10,000 pages). The list is
        // invalid until this build's writes all succeed: a failed or cancelled write must not let
        // the next build skip what it believes was written.
        var last = _last ?? [];
        var lastKnown = remember && _last is not null;
        var samePaths = lastKnown && documents.Count == last.Length;
        _last = null;
        var changed = new List<Document>();
        // The paths the last build wrote at the places whose document changed: the only files
        // that can have gone stale, since an unchanged place keeps its path.
        var replaced = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (remember && i < last.Length && ReferenceEquals(document, last[i]))
            {
                continue;
            }

            samePaths &= i < last.Length && string.Equals(document.Destination, last[i].Destination, StringComparison.Ordinal);
            changed.Add(document);
            if (i < last.Length)
            {
                replaced.Add(last[i].Destination);
            }
        }

        for (var i = documents.Count; i < last.Length; i++)
        {
            replaced.Add(last[i].Destination);
        }

        if (remember && !samePaths)
        {
            // Knowing the last build's list (all of whose files were written, and which is then
            // all this module has written), a file is stale if it was at a changed place and no
            // changed document has its path now: the search index's 10,000 results files and
            // its chunks were all looked up on every rebuild that renamed a chunk. Else every
            // file written so far is checked against every path.
            // Removed before anything is written, with the folders that leaves empty: a file that
            // became a folder of the same name (or the other way round) could not be written
            // while the old one was there, and on a file system that ignores case, a file renamed
            // only in case was deleted right after its new name was written.
            var current = (lastKnown ? changed : documents).Select(d => d.Destination).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in (lastKnown ? replaced : _written.Keys).Where(k => !current.Contains(k) && _written.ContainsKey(k)).ToList())
            {
                var path = Path.GetFullPath(Path.Combine(context.OutputFolder, stale));
                File.Delete(path);
                _written.TryRemove(stale, out _);
                RemoveEmptiedFolders(context.OutputFolder, Path.GetDirectoryName(path));
            }
        }

        // Each folder is created once, not once per file: mkdir is a visible share of writing a large
        // site. A rebuild skips the folders of files it wrote before; one removed meanwhile is made
        // again when its file is written.
        foreach (var folder in changed.Where(d => !remember || !_written.ContainsKey(d.Destination))
            .Select(d => Path.GetDirectoryName(Path.Combine(context.OutputFolder, d.Destination))!).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(folder);
        }

        var pacer = context.Pacer;
        pacer?.BeforeWriting();
        Parallel.ForEach(changed, new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, document =>
        {
            try
            {
                try
                {
                    Write(document, remember, context);
                }
                catch (DirectoryNotFoundException)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(context.OutputFolder, document.Destination))!);
                    Write(document, remember, context);
                }

                pacer?.AfterDocument();
            }
            catch (InputException e)
            {
                context.Diagnostics.Add(e.Diagnostic);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                context.Diagnostics.Add(Unexpected.Diagnostic(context.Codes.Unexpected, document.Source.Length > 0 ? document.Source : document.Destination, e));
            }
        });

        // Kept only after every write succeeded: a document whose write failed is not "written".
        _last = remember && !context.Diagnostics.HasErrors ? [.. documents] : null;

        return Task.FromResult(inputs);
    }

    // The folders above a removed file, up to (not including) the output folder, while each is
    // empty. Another pipeline may be writing into one of them at the same moment: its write then
    // finds the folder gone and makes it again (see the retry above).
    private static void RemoveEmptiedFolders(string outputFolder, string? folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder)) + Path.DirectorySeparatorChar;
        for (; folder is not null && folder.StartsWith(root, StringComparison.Ordinal) && folder.Length > root.Length; folder = Path.GetDirectoryName(folder))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    return;
                }

                Directory.Delete(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private void Write(Document document, bool remember, IExecutionContext context)
    {
        // What a rebuild compares with the last write: the text itself, or a byte content's identity.
        object? identity = document.Content switch
        {
            TextContent plain => plain.Text,
            BuiltTextContent built when remember => built.ReadText(),
            BytesContent bytes => bytes.Identity,
            DeferredBytesContent deferred => deferred.Identity,
            // A copied file is the same while its source keeps its path and stamp (a dev server's
            // rebuild copied every image and asset again). Streamed content is always written.
            FileContent file when remember && context.Files.StampOf(file.FullPath) is { } stamp && stamp.SettledBefore(context.Started) => (file.FullPath, stamp),
            _ => null,
        };

        // An unchanged file is left as it is before anything else is worked out: a rebuild finds
        // all but a few of a large site's files unchanged.
        if (identity is not null && _written.TryGetValue(document.Destination, out var previous) && (ReferenceEquals(previous, identity) || Equals(previous, identity)))
        {
            return;
        }

        var path = Path.Combine(context.OutputFolder, document.Destination);
        if (!Output.OutputPaths.IsInside(path, context.OutputFolder))
        {
            // The engine checked every destination before Output; this guards any module that writes late.
            throw new InvalidOperationException($"Refused to write '{document.Destination}' outside the output folder.");
        }

        if (remember)
        {
            // A rebuild under the dev server writes into the folder it is serving: each file is
            // replaced whole (never read half-written, never written through a planted link).
            Documents.OutputFile.Replace(path, target => WriteContent(document, identity, target));
        }
        else
        {
            WriteContent(document, identity, path);
        }

        if (remember)
        {
            _written[document.Destination] = identity;
        }
    }

    private static void WriteContent(Document document, object? identity, string path)
    {
        if (identity is string text && document.Content is TextContent or BuiltTextContent)
        {
            // The text was produced to compare; written as it is rather than produced again.
            Documents.OutputFile.WriteText(path, text);
        }
        else
        {
            // Copied and streamed files are written from their source.
            document.Content.WriteTo(path);
        }
    }
}
