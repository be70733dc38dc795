namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>
/// Warns about pages whose review is overdue (an error with <c>--strict</c>), and about a review
/// date set without a next date, since readers are shown both.
/// </summary>
public sealed class CheckReviewDates(SiteSettings settings) : DocumentModule
{
    /// <inheritdoc />
    protected override Document Process(Document document, IExecutionContext context)
    {
        var frontMatter = document.Get(PageKeys.FrontMatter);
        var last = frontMatter.LastReviewedDate();
        var next = frontMatter.NextReviewDate();
        var severity = settings.Strict ? Severity.Error : Severity.Warning;
        if (next is { } due && due < settings.Today)
        {
            context.Diagnostics.Add(new Diagnostic(document.Source, 1, 1, severity, "LDN060",
                $"The page's review was due on {due:yyyy-MM-dd}. Have it reviewed, then update 'last_reviewed'."));
        }
        else if (last is not null && next is null)
        {
            context.Diagnostics.Add(new Diagnostic(document.Source, 1, 1, severity, "LDN061",
                "'last_reviewed' is set but the next review is not; add 'review_interval_months' or 'next_review'."));
        }

        return document;
    }
}
