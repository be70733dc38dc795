namespace LdnSite.Engine.Modules;

/// <summary>
/// Points in a one-shot build where a host that is the whole process may act on memory (a host
/// running other work sets none). The engine calls them and knows nothing of collections or
/// budgets: those are the host's.
/// </summary>
public interface IBuildPacing
{
    /// <summary>After each document a module processed and each file written, from any thread.</summary>
    void AfterDocument();

    /// <summary>Once, after every Process and PostProcess phase and before anything is written.</summary>
    void BeforeOutput();

    /// <summary>When a pipeline starts writing its files.</summary>
    void BeforeWriting();
}
