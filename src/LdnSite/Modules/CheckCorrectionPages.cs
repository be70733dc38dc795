namespace LdnSite.Modules;

using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>
/// Each entry of the corrections log names a page that exists (LDN049 at its 'page:' line),
/// once per build whether or not a page shows the log. It reads the data and the listed page
/// paths only: a few set lookups, so nothing is kept between builds.
/// </summary>
public sealed class CheckCorrectionPages : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var data = LoadSiteData.Output(context);
        if (data.Corrections.Count > 0)
        {
            var pages = context.Outputs(SitePipelines.PageSources).Select(d => d.Source).ToHashSet(StringComparer.Ordinal);
            foreach (var correction in data.Corrections.Where(c => !pages.Contains(c.Page)))
            {
                context.Diagnostics.Add(Diagnostic.Error(DecisionDataRules.CorrectionsFile, correction.PageLine, 1, "LDN049",
                    $"Correction of {correction.Date}: '{correction.Page}' is not a page under input/; name the file of the page that was corrected."));
            }
        }

        return Task.FromResult(inputs);
    }
}
