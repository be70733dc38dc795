namespace LdnSite.Engine.Pipelines;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;

/// <summary>What one run of the engine produced.</summary>
/// <param name="Diagnostics">Every warning and error, sorted.</param>
/// <param name="Documents">Each pipeline's final documents (PostProcess output), by pipeline name; empty when the run failed early.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="CacheHits">Results reused from the previous run of the same engine.</param>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, IReadOnlyList<Document>> Documents,
    TimeSpan Elapsed,
    int CacheHits)
{
    /// <summary>A run refused before it started (bad options or folders): nothing was read or written.</summary>
    public static BuildResult Refused(IReadOnlyList<Diagnostic> problems) =>
        new(problems, new Dictionary<string, IReadOnlyList<Document>>(), TimeSpan.Zero, 0);

    /// <summary>True when no error was reported.</summary>
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);

    /// <summary>Number of warnings.</summary>
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
