namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Documents;

/// <summary>One job in a pipeline: takes the documents so far and returns the next ones.</summary>
public interface IModule
{
    /// <summary>Runs the module. Must not change its inputs (documents are immutable anyway).</summary>
    Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context);
}
