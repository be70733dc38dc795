namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Documents;

/// <summary>A module from a function over all documents; for small glue steps and tests.</summary>
public sealed class Lambda(Func<IReadOnlyList<Document>, IExecutionContext, IReadOnlyList<Document>> run) : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        Task.FromResult(run(inputs, context));
}
