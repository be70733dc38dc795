namespace LdnSite.Data;

/// <summary>One entry of <c>input/_data/glossary.yaml</c>.</summary>
public sealed class GlossaryTerm
{
    /// <summary>The term as the glossary lists it.</summary>
    public string Term { get; set; } = "";

    /// <summary>One or two plain sentences.</summary>
    public string Definition { get; set; } = "";

    /// <summary>Other spellings that also link to the entry (plurals, abbreviations).</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Line in the YAML file, for diagnostics.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public int Line { get; set; }

    /// <summary>The entry's anchor on the glossary page.</summary>
    public string Anchor => "term-" + string.Concat(Term.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}
