namespace LdnSite.Data;

/// <summary>One entry of <c>input/_data/findings.yaml</c>: what the evidence shows for one outcome in one condition, and how sure it is.</summary>
public sealed class Finding
{
    /// <summary>A <see cref="Conditions.Labels"/> name.</summary>
    public string Condition { get; set; } = "";

    /// <summary>What was measured, in plain words ("Remission").</summary>
    public string Outcome { get; set; } = "";

    /// <summary>What was found, in words whose strength matches <see cref="Certainty"/>.</summary>
    public string Effect { get; set; } = "";

    /// <summary>The numbers behind it, when the source gives them ("88% v 40% improved").</summary>
    public string? Numbers { get; set; }

    /// <summary>A <see cref="Data.Certainty"/> name.</summary>
    public string Certainty { get; set; } = "";

    /// <summary>Who rated the certainty and how ("Cochrane review, GRADE"); required for a graded level.</summary>
    public string? GradedBy { get; set; }

    /// <summary>Keys of the references the finding rests on.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>Line in the YAML file, for diagnostics.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public int Line { get; set; }

    /// <summary>The typed level (null only before validation).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public Certainty? Level => Data.Certainty.Find(Certainty);
}
