namespace LdnSite.Modules;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>Reads files that must exist (vendored front-end packages), with advice when one is missing.</summary>
public sealed class RequireFiles(params (string Path, string Destination, string Advice)[] files) : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var found = new List<Document>();
        foreach (var (path, destination, advice) in files)
        {
            if (File.Exists(path))
            {
                found.Add(new Document(path, destination, Metadata.Empty, new FileContent(path)));
            }
            else
            {
                context.Diagnostics.Add(Diagnostic.Error(path, 0, 0, "LDN070", $"Missing file; {advice}"));
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>(found);
    }
}
