namespace LdnSite.Engine.Pipelines;

using System.Collections.Concurrent;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>The documents each pipeline's finished phases produced.</summary>
internal sealed class PhaseResults
{
    private readonly ConcurrentDictionary<(string, Phase), IReadOnlyList<Document>> _results = new();

    public void Set(string pipeline, Phase phase, IReadOnlyList<Document> documents) => _results[(pipeline, phase)] = documents;

    public IReadOnlyList<Document> Get(string pipeline, Phase phase) =>
        _results.TryGetValue((pipeline, phase), out var documents)
            ? documents
            : throw new InvalidOperationException($"Pipeline '{pipeline}' has no {phase} output (unknown pipeline, or read too early).");
}
