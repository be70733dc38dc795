namespace LdnSite.Engine.Pipelines;

using LdnSite.Engine.Modules;

/// <summary>
/// A named, declarative list of modules per phase, and the pipelines whose output it reads.
/// </summary>
public sealed class Pipeline
{
    /// <summary>Unique name, used by other pipelines to declare a dependency.</summary>
    public required string Name { get; init; }

    /// <summary>Pipelines whose Process phase must finish before this one's Process phase starts.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>
    /// Runs Process even when a dependency reported errors, for a pipeline whose modules cope with
    /// partial input; otherwise a failed dependency skips it to avoid a cascade of follow-on errors.
    /// </summary>
    public bool RunsAfterFailedDependencies { get; init; }

    /// <summary>Modules that read or create documents.</summary>
    public IReadOnlyList<IModule> Input { get; init; } = [];

    /// <summary>Modules that transform documents, seeing declared dependencies.</summary>
    public IReadOnlyList<IModule> Process { get; init; } = [];

    /// <summary>Modules that transform documents, seeing every pipeline's Process output.</summary>
    public IReadOnlyList<IModule> PostProcess { get; init; } = [];

    /// <summary>Modules that write files.</summary>
    public IReadOnlyList<IModule> Output { get; init; } = [];

    /// <summary>The modules of one phase.</summary>
    public IReadOnlyList<IModule> ModulesOf(Phase phase) => phase switch
    {
        Phase.Input => Input,
        Phase.Process => Process,
        Phase.PostProcess => PostProcess,
        _ => Output,
    };
}
