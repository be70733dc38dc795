namespace LdnSite.Engine.Pipelines;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>The context one phase of one pipeline runs in.</summary>
internal sealed class ExecutionContext(
    Pipeline pipeline,
    Phase phase,
    PhaseResults results,
    DiagnosticBag diagnostics,
    string outputFolder,
    BuildCache cache,
    Input.FileSystemView files,
    DateTime started,
    object build,
    IBuildPacing? pacer,
    EngineCodes codes,
    CancellationToken cancellationToken) : IExecutionContext
{
    public string PipelineName => pipeline.Name;
    public Phase Phase => phase;
    public DiagnosticBag Diagnostics => diagnostics;
    public string OutputFolder => outputFolder;
    public BuildCache Cache => cache;
    public Input.FileSystemView Files => files;
    public CancellationToken CancellationToken => cancellationToken;
    public DateTime Started => started;
    public object Build => build;
    public IBuildPacing? Pacer => pacer;
    public EngineCodes Codes => codes;

    public IReadOnlyList<Document> Outputs(string pipelineName)
    {
        switch (phase)
        {
            case Phase.Input:
                throw new InvalidOperationException($"Pipeline '{pipeline.Name}' reads '{pipelineName}' in its Input phase; read other pipelines in Process or later.");
            case Phase.Process when !pipeline.Dependencies.Contains(pipelineName):
                throw new InvalidOperationException($"Pipeline '{pipeline.Name}' reads '{pipelineName}' in Process without declaring it as a dependency.");
            case Phase.Process:
            case Phase.PostProcess:
                return results.Get(pipelineName, Phase.Process);
            default:
                return results.Get(pipelineName, Phase.PostProcess);
        }
    }
}
