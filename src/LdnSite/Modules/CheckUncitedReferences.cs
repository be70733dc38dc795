namespace LdnSite.Modules;

using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>Warns about references no page cites (an error with <c>--strict</c>): they may be typos or leftovers.</summary>
public sealed class CheckUncitedReferences(SiteSettings settings, ReuseRegister reuse) : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var data = LoadSiteData.Output(context);
        reuse.CitationCheck.For(context, inputs, data.Fingerprint, reported =>
        {
            var cited = inputs.SelectMany(d => d.Get(Markdown.Citations.CitedSource.OfPage)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var reference in data.References.Values.Where(r => !cited.Contains(r.Key)))
            {
                reported.Add(new Diagnostic("_data/references.yaml", reference.Line, 1, settings.Strict ? Severity.Error : Severity.Warning, "LDN045",
                    $"Reference '{reference.Key}' is not cited by any page; cite it with [@{reference.Key}] or remove it."));
            }

            return true;
        });
        return Task.FromResult(inputs);
    }

    // Kept while what it reads of each page (declared in CacheKeys) is unchanged.
}
