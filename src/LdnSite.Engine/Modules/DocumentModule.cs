namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;

/// <summary>
/// A module that handles each document on its own, in parallel, keeping input order. A document
/// whose input is wrong (an <see cref="InputException"/>) is reported and dropped, and the others
/// carry on, so one build lists every broken file.
/// </summary>
public abstract class DocumentModule : IModule
{
    /// <summary>Transforms one document; returns null to drop it.</summary>
    protected abstract Document? Process(Document document, IExecutionContext context);

    /// <summary>Lets the engine chain document modules so each document goes through all of them in turn.</summary>
    internal Document? ProcessOne(Document document, IExecutionContext context) => Process(document, context);

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var results = new Document?[inputs.Count];
        var options = new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, inputs.Count, options, i =>
        {
            try
            {
                results[i] = Process(inputs[i], context);
            }
            catch (InputException e)
            {
                context.Diagnostics.Add(e.Diagnostic);
            }
        });
        IReadOnlyList<Document> kept = results.OfType<Document>().ToList();
        return Task.FromResult(kept);
    }
}
