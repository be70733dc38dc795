namespace LdnSite.Engine.Output;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;

/// <summary>
/// <see cref="OutputPaths.Check"/> for a rebuilding engine: its findings depend only on each
/// document's pipeline, destination and source, in order, so when a rebuild's documents claim
/// exactly what the last build's did, the last findings stand. Comparing 20,000 claims is a
/// fraction of a millisecond; checking them again (case-folded hashing, folder look-ups) was
/// about 20 ms, twice a rebuild.
/// </summary>
public sealed class OutputPathMemo
{
    private readonly object _gate = new();
    private string[] _claims = [];
    private IReadOnlyList<Diagnostic>? _problems;

    /// <summary>The problems with <paramref name="outputs"/>' paths (see <see cref="OutputPaths.Check"/>).</summary>
    public IReadOnlyList<Diagnostic> Check(IReadOnlyList<(string Pipeline, Document Document)> outputs)
    {
        var claims = new string[outputs.Count * 3];
        for (var i = 0; i < outputs.Count; i++)
        {
            (claims[i * 3], claims[(i * 3) + 1], claims[(i * 3) + 2]) = (outputs[i].Pipeline, outputs[i].Document.Destination, outputs[i].Document.Source);
        }

        lock (_gate)
        {
            if (_problems is not null && claims.AsSpan().SequenceEqual(_claims, StringComparer.Ordinal))
            {
                return _problems;
            }

            (_claims, _problems) = (claims, OutputPaths.Check(outputs));
            return _problems;
        }
    }
}
