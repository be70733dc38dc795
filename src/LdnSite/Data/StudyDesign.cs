namespace LdnSite.Data;

/// <summary>
/// The fixed vocabulary of study designs a reference may have, with how readers see each. A
/// design outside this list is a build error, so the evidence table and map never show a
/// design nobody defined.
/// </summary>
/// <param name="Name">The value written in references.yaml.</param>
/// <param name="Label">What readers see.</param>
/// <param name="Symbol">The mark the evidence map draws for it.</param>
/// <param name="IsStudy">False for drug information and laboratory work, which have no participants (nor a row in the evidence table).</param>
public sealed record StudyDesign(string Name, string Label, string Symbol, bool IsStudy)
{
    /// <summary>Every design, strongest kind of evidence first.</summary>
    public static readonly IReadOnlyList<StudyDesign> All =
    [
        new("systematic-review", "Systematic review", "diamond", true),
        new("randomised-controlled", "Randomised controlled trial", "circle", true),
        new("randomised-crossover", "Randomised crossover trial", "square", true),
        new("open-label", "Open-label study (no placebo)", "triangle", true),
        new("dose-finding", "Dose-finding study (no placebo)", "triangle", true),
        new("observational", "Observational study", "cross", true),
        new("case-series", "Case series", "cross", true),
        new("case-report", "Case report (one person)", "cross", true),
        new("narrative-review", "Narrative review", "ring", true),
        new("laboratory", "Laboratory study (no patients)", "none", false),
        new("label", "Official drug information", "none", false),
        new("guidance", "Health guidance", "none", false),
    ];

    /// <summary>A review of other studies, which a public body may publish as a report with its own address instead of in a journal.</summary>
    public bool IsReview => Name is "systematic-review" or "narrative-review";

    /// <summary>The design of that name, or null.</summary>
    public static StudyDesign? Find(string? name) => All.FirstOrDefault(d => d.Name == name);
}

/// <summary>The fixed vocabulary of conditions a study may cover, with how readers see each.</summary>
public static class Conditions
{
    /// <summary>Name in references.yaml → label.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["crohns"] = "Crohn's disease",
        ["multiple-sclerosis"] = "Multiple sclerosis",
        ["fibromyalgia"] = "Fibromyalgia",
        ["rheumatoid-arthritis"] = "Rheumatoid arthritis",
        ["chronic-pain"] = "Chronic pain",
        ["general"] = "General",
    };
}

/// <summary>Who took part in a study.</summary>
public sealed class Participants
{
    /// <summary>How many people.</summary>
    public int Count { get; set; }

    /// <summary>Who they were, in plain words.</summary>
    public string Who { get; set; } = "";
}
