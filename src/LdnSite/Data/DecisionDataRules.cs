namespace LdnSite.Data;

using System.Globalization;
using System.Text.RegularExpressions;
using LdnSite.Engine.Diagnostics;

/// <summary>
/// What makes an entry of the decision-support data publishable: findings that rest on listed
/// sources and use words no surer than their certainty, help from real https addresses (a domain
/// name, never an IP address), corrections with a date and the page they fixed. Each problem is
/// LDN049 at the field's own line.
/// </summary>
public static partial class DecisionDataRules
{
    /// <summary>The findings file, relative to the input folder.</summary>
    public const string FindingsFile = "_data/findings.yaml";

    /// <summary>The help file, relative to the input folder.</summary>
    public const string HelpFile = "_data/help.yaml";

    /// <summary>The corrections file, relative to the input folder.</summary>
    public const string CorrectionsFile = "_data/corrections.yaml";

    // Text a box shows on one line: no line breaks or other control characters, and short enough to read.
    private const int MaxText = 600;

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.md\z")]
    private static partial Regex PagePattern();

    // Labels of letters, digits and '-', and a top-level domain of letters (or an IDN one in
    // punycode): an IP address, a bare host name or a bracketed IPv6 address never matches.
    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})\z")]
    private static partial Regex HostPattern();

    /// <summary>Every problem with <paramref name="finding"/>.</summary>
    public static IEnumerable<Diagnostic> Check(Finding finding, IReadOnlyDictionary<string, Reference> references, bool referencesComplete, string[] lines)
    {
        Diagnostic Error(string field, string message) =>
            Diagnostic.Error(FindingsFile, EntryLines.FieldLine(lines, finding.Line, field), 1, "LDN049", $"Finding '{finding.Outcome}': {message}");

        if (!Conditions.Labels.ContainsKey(finding.Condition))
        {
            yield return Error("condition", $"condition '{finding.Condition}' is not one of: {string.Join(", ", Conditions.Labels.Keys)}.");
        }

        // A field with a text problem gets that one error; its words are not judged as well.
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, value, required) in new[] { ("outcome", finding.Outcome, true), ("effect", finding.Effect, true), ("numbers", finding.Numbers, false), ("graded_by", finding.GradedBy, false) })
        {
            if ((required || value is not null) && TextProblem(value) is { } problem)
            {
                flagged.Add(field);
                yield return Error(field, problem);
            }
        }

        if (finding.Level is not { } level)
        {
            yield return Error("certainty", $"certainty '{finding.Certainty}' is not one of: {string.Join(", ", Certainty.All.Select(c => c.Name))}.");
        }
        else
        {
            if (level.IsGraded && string.IsNullOrWhiteSpace(finding.GradedBy))
            {
                yield return Error("graded_by", $"a finding of {level.Label.ToLowerInvariant()} needs 'graded_by': who rated it and how (such as 'Cochrane review, GRADE'). If no one rated it, write 'certainty: not-graded'.");
            }

            if (!flagged.Contains("effect") && !level.IsHedgedIn(Certainty.Plain(finding.Effect)))
            {
                yield return Error("effect", $"a finding of {level.Label.ToLowerInvariant()} must say so in its words: use one of {string.Join(", ", level.Hedges.Select(h => "'" + h + "'"))} (as Cochrane's plain-language summaries do).");
            }

            foreach (var (field, value) in new[] { ("outcome", finding.Outcome), ("effect", finding.Effect), ("numbers", finding.Numbers ?? "") }.Where(f => !flagged.Contains(f.Item1)))
            {
                if (level.SureWordIn(Certainty.Plain(value)) is { } sure)
                {
                    yield return Error(field, $"'{sure}' claims more than {level.Label.ToLowerInvariant()} allows; say what was found and how sure it is.");
                }
            }
        }

        if (finding.Sources.Count == 0)
        {
            yield return Error("sources", "needs the key of at least one reference it rests on, e.g. sources: [parker2018].");
        }
        else if (referencesComplete)
        {
            foreach (var key in finding.Sources.Where(k => !references.ContainsKey(k)))
            {
                yield return Error("sources", $"'{key}' is not a key in references.yaml.");
            }
        }
    }

    /// <summary>Every problem with <paramref name="entry"/>.</summary>
    public static IEnumerable<Diagnostic> Check(HelpEntry entry, string[] lines)
    {
        Diagnostic Error(string field, string message) =>
            Diagnostic.Error(HelpFile, EntryLines.FieldLine(lines, entry.Line, field), 1, "LDN049", $"Help entry '{entry.Name}': {message}");

        foreach (var (field, value) in new[] { ("name", entry.Name), ("offers", entry.Offers) })
        {
            if (TextProblem(value) is { } problem)
            {
                yield return Error(field, problem);
            }
        }

        if (entry.Topic != HelpEntry.Registries && !Conditions.Labels.ContainsKey(entry.Topic))
        {
            yield return Error("topic", $"topic '{entry.Topic}' is not one of: {string.Join(", ", Conditions.Labels.Keys.Append(HelpEntry.Registries))}.");
        }

        if (UrlProblem(entry.Url) is { } urlProblem)
        {
            yield return Error("url", urlProblem);
        }
    }

    /// <summary>Every problem with <paramref name="correction"/>.</summary>
    public static IEnumerable<Diagnostic> Check(Correction correction, string[] lines)
    {
        Diagnostic Error(string field, string message) =>
            Diagnostic.Error(CorrectionsFile, EntryLines.FieldLine(lines, correction.Line, field), 1, "LDN049", $"Correction of {correction.Date}: {message}");

        correction.PageLine = EntryLines.FieldLine(lines, correction.Line, "page");
        if (DateOf(correction) is null)
        {
            yield return Error("date", $"'{correction.Date}' must be a date written yyyy-mm-dd.");
        }

        if (!PagePattern().IsMatch(correction.Page))
        {
            yield return Error("page", $"'{correction.Page}' must be the corrected page's file under input/, such as safety.md.");
        }

        if (TextProblem(correction.Change) is { } problem)
        {
            yield return Error("change", problem);
        }
    }

    /// <summary>The correction's date, when it is written yyyy-mm-dd.</summary>
    public static DateOnly? DateOf(Correction correction) =>
        DateOnly.TryParseExact(correction.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    // An address a reader is sent to: https, a domain name (an IP address or a bare host name is
    // a server nobody can check), no port, no user name, nothing a browser would read differently.
    private static string? UrlProblem(string url)
    {
        const string need = "must be the organisation's own https:// address, with a domain name (no IP address, port, user name, spaces or quotes).";
        if (!WebAddress.IsPlainHttps(url, out var uri) || !uri.IsDefaultPort || !HostPattern().IsMatch(uri.IdnHost))
        {
            return $"'{url}' {need}";
        }

        return null;
    }

    // What is wrong with a text field a box shows; an optional field is only checked when given.
    private static string? TextProblem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "needs text here.";
        }

        if (value.Any(char.IsControl))
        {
            return "holds a line break or another control character; write it on one line.";
        }

        // A soft hyphen or zero-width space is invisible on the page but splits a word for every
        // check that reads it.
        if (value.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            return "holds an invisible formatting character (such as a soft hyphen or a zero-width space); retype the text.";
        }

        return value.Length > MaxText ? $"is {value.Length:N0} characters long; keep it under {MaxText} (it is shown in a box)." : null;
    }
}
