namespace LdnSite.Engine.Modules;

/// <summary>
/// The four phases of a pipeline, as in Statiq. Input phases run at once; a Process phase waits
/// for its pipeline's declared dependencies; PostProcess waits for every Process phase (so it may
/// read any pipeline, which is what navigation needs); Output writes files.
/// </summary>
public enum Phase
{
    /// <summary>Reads documents from disk or generates them.</summary>
    Input,

    /// <summary>Transforms documents; may read the Process outputs of declared dependencies.</summary>
    Process,

    /// <summary>Transforms documents with every pipeline's Process output in view.</summary>
    PostProcess,

    /// <summary>Writes documents to the output folder.</summary>
    Output,
}
