namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Documents;

/// <summary>Writes each document with a destination into the output folder, in parallel.</summary>
public sealed class WriteFiles : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        Parallel.ForEach(inputs.Where(d => d.Destination.Length > 0), document =>
        {
            var path = Path.Combine(context.OutputFolder, document.Destination);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            document.Content.WriteTo(path);
        });
        return Task.FromResult(inputs);
    }
}
