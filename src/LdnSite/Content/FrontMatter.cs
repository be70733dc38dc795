namespace LdnSite.Content;

/// <summary>
/// The YAML block at the top of a page. Unknown keys are errors (a typo such as <c>titel</c>
/// would otherwise be silently ignored). Dates stay strings here and are checked by
/// <see cref="FrontMatterReader"/>, which can point at their line.
/// </summary>
public sealed class FrontMatter
{
    /// <summary>Page title, shown as the h1 and in the browser tab. Required.</summary>
    public string? Title { get; set; }

    /// <summary>One-sentence summary for search engines and link previews. Required.</summary>
    public string? Description { get; set; }

    /// <summary>Shorter title for navigation; defaults to the title.</summary>
    public string? NavTitle { get; set; }

    /// <summary>Position in navigation (smaller first); pages with equal order sort by title.</summary>
    public int Order { get; set; } = 100;

    /// <summary>Layout file in <c>theme/layouts</c>, without extension.</summary>
    public string Layout { get; set; } = "page";

    /// <summary>Date a qualified reviewer last checked the page (yyyy-mm-dd).</summary>
    public string? LastReviewed { get; set; }

    /// <summary>
    /// The clinician who reviewed the page, with their qualification ("Dr A Name, GP"): only a
    /// real person who did review it. Shown beside the review date; needs <see cref="LastReviewed"/>.
    /// </summary>
    public string? ReviewedBy { get; set; }

    /// <summary>The date the research was last searched for the page's evidence (yyyy-mm-dd), shown apart from the review date.</summary>
    public string? EvidenceSearched { get; set; }

    /// <summary>Date the next review is due (yyyy-mm-dd); or give <see cref="ReviewIntervalMonths"/>.</summary>
    public string? NextReview { get; set; }

    /// <summary>Months between reviews; the next review is this long after the last one.</summary>
    public int? ReviewIntervalMonths { get; set; }

    /// <summary>Leaves the page out of navigation (it is still built and searchable).</summary>
    public bool HideFromNav { get; set; }

    /// <summary>Old site addresses (e.g. /ldn-dosing/) that should send readers to this page.</summary>
    public List<string> RedirectFrom { get; set; } = [];

    /// <summary>The page makes no medical claims (about, search, glossary), so its paragraphs need no citations.</summary>
    public bool Nonmedical { get; set; }

    /// <summary>The last review date, once <see cref="FrontMatterReader"/> has checked it.</summary>
    public DateOnly? LastReviewedDate() => FrontMatterReader.ParseDate(LastReviewed);

    /// <summary>The evidence search date, once <see cref="FrontMatterReader"/> has checked it.</summary>
    public DateOnly? EvidenceSearchedDate() => FrontMatterReader.ParseDate(EvidenceSearched);

    /// <summary>When the next review is due: <c>next_review</c>, else <c>review_interval_months</c> after the last review.</summary>
    public DateOnly? NextReviewDate() =>
        FrontMatterReader.ParseDate(NextReview)
        ?? (LastReviewedDate() is { } last && ReviewIntervalMonths is { } months ? last.AddMonths(months) : null);
}
