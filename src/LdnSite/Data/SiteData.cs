namespace LdnSite.Data;

using LdnSite.Engine.Documents;

/// <summary>The shared data files (references, glossary, findings, help, corrections), parsed and checked.</summary>
/// <param name="References">Sources by key, in file order.</param>
/// <param name="Glossary">Terms in file order.</param>
public sealed record SiteData(IReadOnlyDictionary<string, Reference> References, IReadOnlyList<GlossaryTerm> Glossary)
{
    /// <summary>The references file, relative to the input folder.</summary>
    public const string ReferencesFile = "_data/references.yaml";

    /// <summary>The glossary file, relative to the input folder.</summary>
    public const string GlossaryFile = "_data/glossary.yaml";

    /// <summary>No data files.</summary>
    public static readonly SiteData Empty = new(new Dictionary<string, Reference>(), []) { Fingerprint = "" };

    /// <summary>The metadata key the Data pipeline stores this under.</summary>
    public static readonly MetadataKey<SiteData> Key = new("site-data");

    /// <summary>What the evidence shows for each condition and outcome, with its certainty, in file order.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Organisations and trial registries a reader can turn to, in file order.</summary>
    public IReadOnlyList<HelpEntry> Help { get; init; } = [];

    /// <summary>The public corrections log, newest first.</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];

    /// <summary>False when the references file could not be read whole; citation keys are then not checked (its error says why).</summary>
    public bool ReferencesComplete { get; init; } = true;

    /// <summary>Each source's number across the whole site: its place in references.yaml, from 1.</summary>
    public IReadOnlyDictionary<string, int> ReferenceNumbers => _numbers ??= References.Keys.Select((key, i) => (key, i)).ToDictionary(x => x.key, x => x.i + 1, StringComparer.Ordinal);

    private IReadOnlyDictionary<string, int>? _numbers;

    /// <summary>A fingerprint of the data, so cached pages are redone when a reference or term changes.</summary>
    public required string Fingerprint { get; init; }
}
