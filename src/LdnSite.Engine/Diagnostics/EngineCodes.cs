namespace LdnSite.Engine.Diagnostics;

/// <summary>
/// The codes the engine reports its own findings with. The host gives its own (a site keeps
/// them in its catalogue of diagnostics); the engine holds no host's codes.
/// </summary>
public sealed record EngineCodes
{
    /// <summary>Codes for an engine used on its own, as in its tests.</summary>
    public static readonly EngineCodes Plain = new() { Unexpected = "E900", PathRefused = "E110", PathClash = "E111", PathUnderFile = "E112" };

    /// <summary>A failure no check foresaw, reported at the file being processed.</summary>
    public required string Unexpected { get; init; }

    /// <summary>An output path that would leave the output folder or is not a plain path.</summary>
    public required string PathRefused { get; init; }

    /// <summary>Two sources that would write one output file.</summary>
    public required string PathClash { get; init; }

    /// <summary>One source's output file that is another's folder.</summary>
    public required string PathUnderFile { get; init; }
}
