namespace LdnSite.Data;

/// <summary>One published source, as in <c>input/_data/references.yaml</c>.</summary>
public sealed class Reference
{
    /// <summary>The key pages cite it by (<c>[@key]</c>).</summary>
    public string Key { get; set; } = "";

    /// <summary>Authors in citation form ("Smith JP").</summary>
    public List<string> Authors { get; set; } = [];

    /// <summary>Article title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Journal abbreviation.</summary>
    public string Journal { get; set; } = "";

    /// <summary>Publication year.</summary>
    public int Year { get; set; }

    /// <summary>Journal volume.</summary>
    public string? Volume { get; set; }

    /// <summary>Journal issue.</summary>
    public string? Issue { get; set; }

    /// <summary>Page range.</summary>
    public string? Pages { get; set; }

    /// <summary>Digital Object Identifier, without the https://doi.org/ prefix.</summary>
    public string Doi { get; set; } = "";

    /// <summary>PubMed id, when known.</summary>
    public string? Pmid { get; set; }

    /// <summary>Line in the YAML file, for diagnostics.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public int Line { get; set; }

    /// <summary>The DOI as a link.</summary>
    public string DoiUrl => "https://doi.org/" + Doi;

    /// <summary>Vancouver-style citation text without the DOI, e.g. "Smith JP, Stock H. Title. J. 2007;102(4):820-828."</summary>
    public string Citation
    {
        get
        {
            var authors = Authors.Count > 6 ? string.Join(", ", Authors.Take(6)) + ", et al" : string.Join(", ", Authors);
            var volume = Volume is null ? "" : $";{Volume}" + (Issue is null ? "" : $"({Issue})");
            var pages = Pages is null ? "" : $":{Pages}";
            return $"{authors}. {Title.TrimEnd('.')}. {Journal}. {Year}{volume}{pages}.";
        }
    }
}
