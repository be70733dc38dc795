namespace LdnSite.Build;

using LdnSite.Engine.Output;
using LdnSite.Engine.Pipelines;

/// <summary>
/// Builds the site. The first run builds into a staging folder and swaps it in only when there
/// was no error, so a failed build leaves the previous output as it was. With
/// <paramref name="incremental"/> (the dev server), later runs reuse every unchanged result of
/// the run before and write only changed files in place; they too write nothing unless the
/// whole build succeeded.
/// </summary>
public sealed class SiteBuild(SiteSettings settings, bool incremental = false)
{
    private readonly LdnSite.Engine.Pipelines.Engine _engine = CreateEngine(settings, incremental);
    private bool _hasOutput;

    private static LdnSite.Engine.Pipelines.Engine CreateEngine(SiteSettings settings, bool incremental)
    {
        var engine = new LdnSite.Engine.Pipelines.Engine(SitePipelineSet.Create(settings)) { Codes = Diagnostics.DiagnosticCatalog.ForEngine };
        engine.Cache.Enabled = incremental;
        return engine;
    }

    /// <summary>What the host does about memory in a one-shot build (see Engine.Pacing); the command line sets its own.</summary>
    public LdnSite.Engine.Modules.IBuildPacing? Pacing
    {
        get => _engine.Pacing;
        init => _engine.Pacing = value;
    }

    /// <summary>The settings this build uses.</summary>
    public SiteSettings Settings => settings;

    /// <summary>Reports each phase as it starts (for progress display).</summary>
    public event Action<string>? PhaseStarted
    {
        add => _engine.PhaseStarted += value;
        remove => _engine.PhaseStarted -= value;
    }

    /// <summary>
    /// Lets rebuilds reuse folder listings and file stamps that <paramref name="journal"/>'s
    /// watcher saw no change to (the dev server's; see <see cref="LdnSite.Engine.Input.FileSystemView"/>).
    /// </summary>
    public void Watch(LdnSite.Engine.Input.ChangeJournal journal) => _engine.Files.Watch(journal);

    /// <summary>When each module of the last run started and how long it took.</summary>
    public IReadOnlyDictionary<string, ModuleTiming> LastTimings => _engine.LastTimings;

    /// <summary>Builds the site.</summary>
    public async Task<BuildResult> RunAsync(CancellationToken cancellationToken = default)
    {
        if (SiteFolders.Check(settings) is { Count: > 0 } refused)
        {
            return BuildResult.Refused(refused);
        }

        if (incremental && _hasOutput && Directory.Exists(settings.OutputFolder))
        {
            return await _engine.ExecuteAsync(settings.OutputFolder, cancellationToken);
        }

        // Building into a fresh staging folder: nothing written before is there.
        _engine.ForgetWrites();
        StagedOutput staged;
        try
        {
            staged = new StagedOutput(settings.OutputFolder, SiteFolders.OutputRules);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // An ordinary condition (a read-only parent folder, a full disk), not an unexpected failure.
            return BuildResult.Refused([LdnSite.Engine.Diagnostics.Diagnostic.Error(settings.OutputFolder, 0, 0, "LDN103",
                $"The output folder cannot be made or written beside ({e.Message}). Choose an --output folder you may write to.")]);
        }

        BuildResult result;
        try
        {
            result = await _engine.ExecuteAsync(staged.Staging, staged.ReadyForWriting, cancellationToken);
        }
        catch
        {
            staged.Discard();
            _engine.ForgetWrites();
            throw;
        }

        if (result.Succeeded)
        {
            var written = result.Documents.Values.SelectMany(d => d).Select(d => d.Destination).Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
            staged.Commit(written);
            _hasOutput = true;
        }
        else
        {
            staged.Discard();
            _engine.ForgetWrites();
        }

        return result;
    }
}
