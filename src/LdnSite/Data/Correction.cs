namespace LdnSite.Data;

/// <summary>One entry of <c>input/_data/corrections.yaml</c>: a mistake that was found and fixed, for the public log.</summary>
public sealed class Correction
{
    /// <summary>When the correction was published (yyyy-mm-dd).</summary>
    public string Date { get; set; } = "";

    /// <summary>The page corrected, as a path under input/ (safety.md).</summary>
    public string Page { get; set; } = "";

    /// <summary>What was wrong and what it says now, in plain words.</summary>
    public string Change { get; set; } = "";

    /// <summary>Line in the YAML file, for diagnostics.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public int Line { get; set; }

    /// <summary>The line of the 'page:' field, for the check that the page exists (made once the site's pages are listed).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public int PageLine { get; set; }
}
