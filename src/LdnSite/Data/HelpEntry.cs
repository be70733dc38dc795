namespace LdnSite.Data;

/// <summary>One entry of <c>input/_data/help.yaml</c>: an organisation or registry a reader can turn to.</summary>
public sealed class HelpEntry
{
    /// <summary>The organisation's own name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Its home page (https, a domain name).</summary>
    public string Url { get; set; } = "";

    /// <summary>A <see cref="Conditions.Labels"/> name, or <see cref="Registries"/>.</summary>
    public string Topic { get; set; } = "";

    /// <summary>What it offers a reader, in one plain sentence.</summary>
    public string Offers { get; set; } = "";

    /// <summary>Line in the YAML file, for diagnostics.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public int Line { get; set; }

    /// <summary>The topic of trial registries, which cover every condition.</summary>
    public const string Registries = "trial-registries";
}
