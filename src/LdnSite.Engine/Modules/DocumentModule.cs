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
    protected internal abstract Document? Process(Document document, IExecutionContext context);

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        Task.FromResult(RunChain([this], inputs, context));

    /// <summary>
    /// Runs <paramref name="chain"/> over the documents in parallel, each document through every
    /// module in turn, so its intermediate values are let go before the next document starts.
    /// </summary>
    internal static IReadOnlyList<Document> RunChain(IReadOnlyList<DocumentModule> chain, IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var results = new Document?[inputs.Count];
        var options = new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, inputs.Count, options, i =>
        {
            Document? document = inputs[i];
            try
            {
                for (var m = 0; m < chain.Count && document is not null; m++)
                {
                    document = chain[m].Process(document, context);
                }

                results[i] = document;
                context.Pacer?.AfterDocument();
            }
            catch (InputException e)
            {
                context.Diagnostics.Add(e.Diagnostic);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug or an input no check foresaw: name the file, never show a stack trace.
                context.Diagnostics.Add(Unexpected.Diagnostic(context.Codes.Unexpected, inputs[i].Source, e));
            }
        });
        return results.OfType<Document>().ToList();
    }
}
