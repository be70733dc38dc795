namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Documents;

/// <summary>Starts a pipeline's Process phase from another pipeline's documents (a declared dependency), so files are listed once.</summary>
public sealed class ReadPipeline(string pipelineName) : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        Task.FromResult(context.Outputs(pipelineName));
}
