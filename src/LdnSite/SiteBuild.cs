namespace LdnSite;

using LdnSite.Engine.Output;
using LdnSite.Engine.Pipelines;

/// <summary>
/// One build of the site: runs the pipelines into a staging folder and swaps it in only when
/// there was no error, so a failed build leaves the previous output as it was.
/// </summary>
public sealed class SiteBuild(SiteSettings settings)
{
    private readonly Engine.Pipelines.Engine _engine = new(SitePipelines.Create(settings));

    /// <summary>The settings this build uses.</summary>
    public SiteSettings Settings => settings;

    /// <summary>Builds the site; reuses results of the previous run where inputs did not change.</summary>
    public async Task<BuildResult> RunAsync(CancellationToken cancellationToken = default)
    {
        using var staged = new StagedOutput(settings.OutputFolder);
        var result = await _engine.ExecuteAsync(staged.Staging, cancellationToken);
        if (result.Succeeded)
        {
            staged.Commit();
        }

        return result;
    }
}
