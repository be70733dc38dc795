namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;

/// <summary>
/// Statiq's CacheDocuments: runs its child modules on each document and remembers what they made,
/// the document and the diagnostics they reported, under a key computed from everything the
/// children read. A rebuild hands back the remembered document for an unchanged key and reports
/// its diagnostics again, so an unchanged page costs one key and one look-up instead of a pass
/// through every module (and a new copy of its metadata from each).
/// </summary>
/// <param name="name">Names the cached results (one name per use of this module).</param>
/// <param name="keys">
/// Worked out once per build: for a document, its key and how to make the document the children
/// start from (the key may have had to read the file, and the children must see what was read).
/// The key is asked for every document of every build, so <see cref="Keyed"/> is a value and its
/// <see cref="Keyed.Input"/> is meant to be a static function, not a closure per document.
/// </param>
/// <param name="children">The modules whose results are cached, run in order.</param>
public sealed class CacheDocuments(string name, Func<IExecutionContext, Func<Document, CacheDocuments.Keyed>> keys, params DocumentModule[] children) : DocumentModule
{
    private readonly PerBuild<Func<Document, Keyed>> _keys = new(keys);

    /// <summary>A document's cache key, and how to make the document to run the children on (asked only when the key is new).</summary>
    /// <param name="Key">The key.</param>
    /// <param name="Read">What working out the key read (a file's text), for <paramref name="Input"/>.</param>
    /// <param name="Input">Makes the children's document from the document and this.</param>
    public readonly record struct Keyed(string Key, object? Read, Func<Document, Keyed, Document> Input);

    /// <inheritdoc />
    protected internal override Document? Process(Document document, IExecutionContext context)
    {
        if (!context.Cache.Enabled)
        {
            return RunChildren(document, context);
        }

        var keyed = _keys.For(context)(document);
        // The same document with the same key as last build gets its entry back without hashing the key.
        return Reported(_last.TryGet(context.Cache, document, keyed.Key, out var again) ? again : Made(document, keyed, context), context);
    }

    // Apart from Process, so that the closure below is made only when the entry is not found by its handle.
    private Result Made(Document document, Keyed keyed, IExecutionContext context) =>
        _last.GetOrAdd(context.Cache, name, document, keyed.Key, static key => key, () =>
        {
            var captured = new CapturingContext(context);
            try
            {
                return new Result(RunChildren(keyed.Input(document, keyed), captured), captured.Diagnostics.Sorted());
            }
            catch (InputException e)
            {
                // Wrong input drops the document, as it does uncached, and is remembered with it:
                // what the children reported before it (warnings) is kept too.
                captured.Diagnostics.Add(e.Diagnostic);
                return new Result(null, captured.Diagnostics.Sorted());
            }
            catch
            {
                // Not remembered (a bug, or a file caught mid-save); what was reported still counts.
                foreach (var diagnostic in captured.Diagnostics.Sorted())
                {
                    context.Diagnostics.Add(diagnostic);
                }

                throw;
            }
        });

    private readonly LastEntries<string, Result> _last = new();

    private static Document? Reported(Result result, IExecutionContext context)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            context.Diagnostics.Add(diagnostic);
        }

        return result.Output;
    }

    private Document? RunChildren(Document document, IExecutionContext context)
    {
        Document? current = document;
        for (var i = 0; i < children.Length && current is not null; i++)
        {
            current = children[i].Process(current, context);
        }

        return current;
    }

    private sealed record Result(Document? Output, IReadOnlyList<Diagnostic> Diagnostics);

    // The build's context with a diagnostics bag of its own, so what the children report is kept with their result.
    private sealed class CapturingContext(IExecutionContext inner) : IExecutionContext
    {
        public string PipelineName => inner.PipelineName;
        public Phase Phase => inner.Phase;
        public DiagnosticBag Diagnostics { get; } = new();
        public string OutputFolder => inner.OutputFolder;
        public IReadOnlyList<Document> Outputs(string pipelineName) => inner.Outputs(pipelineName);
        public object Build => inner.Build;
        public IBuildPacing? Pacer => inner.Pacer;
        public EngineCodes Codes => inner.Codes;
        public BuildCache Cache => inner.Cache;
        public Input.FileSystemView Files => inner.Files;
        public CancellationToken CancellationToken => inner.CancellationToken;
        public DateTime Started => inner.Started;
    }
}
