namespace LdnSite.Engine.Output;

/// <summary>
/// Builds into a sibling staging folder and swaps it in only on success, so a failed build
/// leaves the previous output exactly as it was.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    private bool _committed;

    /// <summary>Creates an empty staging folder next to <paramref name="outputFolder"/>.</summary>
    public StagedOutput(string outputFolder)
    {
        Target = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        Staging = $"{Target}.staging-{Guid.NewGuid():N}";
        Directory.CreateDirectory(Staging);
    }

    /// <summary>The folder the build should write to.</summary>
    public string Staging { get; }

    /// <summary>The folder the output ends up in.</summary>
    public string Target { get; }

    /// <summary>Replaces the target folder with the staging folder.</summary>
    public void Commit()
    {
        var old = $"{Target}.previous-{Guid.NewGuid():N}";
        if (Directory.Exists(Target))
        {
            Directory.Move(Target, old);
        }

        Directory.Move(Staging, Target);
        _committed = true;
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Deletes the staging folder unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }
}
