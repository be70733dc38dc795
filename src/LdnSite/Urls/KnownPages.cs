namespace LdnSite.Urls;

/// <summary>
/// The output paths of the pages the build and the layouts link to by their usual address
/// (glossary terms to the glossary, study lists to the evidence table, the footer to all
/// references and search), kept in one place so every link and every "does it exist" check agree.
/// </summary>
public static class KnownPages
{
    /// <summary>glossary.md.</summary>
    public const string Glossary = "glossary/index.html";

    /// <summary>evidence.md.</summary>
    public const string Evidence = "evidence/index.html";

    /// <summary>references.md.</summary>
    public const string References = "references/index.html";

    /// <summary>search.md.</summary>
    public const string Search = "search/index.html";
}
