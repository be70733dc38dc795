namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Pipelines;

/// <summary>What a module may see of the build while it runs.</summary>
public interface IExecutionContext
{
    /// <summary>The pipeline running the module.</summary>
    string PipelineName { get; }

    /// <summary>The phase running the module.</summary>
    Phase Phase { get; }

    /// <summary>Where problems with the input are reported.</summary>
    DiagnosticBag Diagnostics { get; }

    /// <summary>The folder this build writes to (a staging folder until the build succeeds).</summary>
    string OutputFolder { get; }

    /// <summary>
    /// The documents another pipeline produced: in Process, only declared dependencies and their
    /// Process output; in PostProcess, any pipeline's Process output; in Output, any pipeline's
    /// PostProcess output.
    /// </summary>
    IReadOnlyList<Document> Outputs(string pipelineName);

    /// <summary>
    /// One run of the engine: the same object for every pipeline and phase of a build, a new one
    /// for the next build. Values worked out once per build (see <see cref="PerBuild{T}"/>) are
    /// keyed by it.
    /// </summary>
    object Build { get; }

    /// <summary>Where folders are listed and files stat'ed (remembered between builds when a watcher reports changes).</summary>
    Input.FileSystemView Files { get; }

    /// <summary>Values kept between builds of one engine (for incremental rebuilds).</summary>
    BuildCache Cache { get; }

    /// <summary>The host's pacing of a one-shot build (<see cref="Engine.Pacing"/>), else null; the engine's own modules call it.</summary>
    IBuildPacing? Pacer { get; }

    /// <summary>The codes the engine reports its own findings with (given by the host).</summary>
    EngineCodes Codes { get; }

    /// <summary>Cancelled when the build is abandoned.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>
    /// When this build started (UTC), read from the clock once per build: on some virtual
    /// machines a clock read is a system call of several microseconds, and a per-file check
    /// made it a visible share of a 10,000-page rebuild.
    /// </summary>
    DateTime Started { get; }
}
