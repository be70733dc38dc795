namespace LdnSite.Content;

using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

/// <summary>
/// Splits a page into front matter and Markdown. The front matter lines are blanked rather than
/// cut, so Markdig's line numbers are the file's line numbers and every later error can point
/// at the right line without an offset.
/// </summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = YamlList.FillsOwnRecords)]
public static partial class FrontMatterReader
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(/[A-Za-z0-9_.-]+)*/?\z")]
    private static partial System.Text.RegularExpressions.Regex SitePathPattern();

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        // A key given twice is an error, not a silent "last one wins": a contributor who adds a
        // second 'title:' below the first should learn which one the site uses.
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Parses the front matter of <paramref name="text"/>; throws <see cref="InputException"/> on any problem.</summary>
    public static (FrontMatter FrontMatter, string Markdown) Read(string source, string text)
    {
        // Only the front matter is split into lines, not the page.
        var closing = ClosingLine(text);
        var lines = (closing is { } found ? text[..found.Start] : text).Split('\n');
        var close = closing is null ? -1 : lines.Length - 1;
        if (lines[0].TrimEnd('\r') != "---")
        {
            throw Error(source, 1, "LDN001", "The page has no front matter. Start it with a '---' line, then 'title: …' and 'description: …', then another '---' line.");
        }

        if (close < 0)
        {
            throw Error(source, 1, "LDN002", "The front matter is not closed. Add a line with '---' after the last 'key: value' line.");
        }

        var yaml = string.Join('\n', lines[1..close]);
        FrontMatter frontMatter;
        try
        {
            frontMatter = Deserializer.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
        }
        catch (YamlException e)
        {
            // The YAML starts on the file's second line.
            var lineText = e.Start.Line >= 1 && e.Start.Line < close ? lines[e.Start.Line] : null;
            // The known keys help with a misspelt or wrong key, not with one given twice.
            var described = YamlList.Describe(e, lineText, typeof(FrontMatter));
            var known = described.StartsWith("The key '", StringComparison.Ordinal) ? "" : $" Known keys: {string.Join(", ", YamlList.KnownKeys(typeof(FrontMatter)))}.";
            throw new InputException(Diagnostic.Error(source, (int)e.Start.Line + 1, (int)e.Start.Column, "LDN003", $"Front matter: {described}{known}"));
        }

        if (string.IsNullOrWhiteSpace(frontMatter.Title))
        {
            throw Error(source, 1, "LDN004", "The front matter has no title. Add 'title: …' between the '---' lines.");
        }

        if (string.IsNullOrWhiteSpace(frontMatter.Description))
        {
            throw Error(source, 1, "LDN005", "The front matter has no description. Add 'description: …' (one sentence that says what the page covers).");
        }

        foreach (var (key, value) in new[] { ("title", frontMatter.Title), ("description", frontMatter.Description), ("nav_title", frontMatter.NavTitle), ("reviewed_by", frontMatter.ReviewedBy) })
        {
            if (value is not null && value.Any(char.IsControl))
            {
                throw Error(source, LineOf(key), "LDN004", $"'{key}' holds a line break or another control character; write it on one line.");
            }

            // Titles go into the feed and the sitemap, which are XML: a non-character (U+FFFE,
            // U+FFFF, a lone half of a surrogate pair) cannot be written there.
            if (value is not null && !IsXmlText(value))
            {
                throw Error(source, LineOf(key), "LDN004", $"'{key}' holds a character that is not text (such as U+FFFF, or half of an emoji); retype it.");
            }
        }

        int LineOf(string key) => Math.Max(Array.FindIndex(lines, 1, close - 1, l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)) + 1, 1);

        if (frontMatter.ReviewIntervalMonths is { } months and (< 1 or > 120))
        {
            var line = Array.FindIndex(lines, 1, close - 1, l => l.TrimStart().StartsWith("review_interval_months:", StringComparison.Ordinal)) + 1;
            throw Error(source, Math.Max(line, 1), "LDN007", $"'review_interval_months' must be a whole number from 1 to 120, not {months}.");
        }

        foreach (var from in frontMatter.RedirectFrom.Where(f => !f.StartsWith('/') || !SitePathPattern().IsMatch(f) || f.Split('/').Any(part => part is "." or "..")))
        {
            var line = Array.FindIndex(lines, 1, close - 1, l => l.Contains(from, StringComparison.Ordinal)) + 1;
            throw Error(source, Math.Max(line, 1), "LDN013", $"'redirect_from' entry '{from}' is not a site address; write it like /old-page/ (letters, digits, '-', '_', '.', '/').");
        }

        CheckDate(source, lines, close, "last_reviewed", frontMatter.LastReviewed);
        CheckDate(source, lines, close, "next_review", frontMatter.NextReview);
        CheckDate(source, lines, close, "evidence_searched", frontMatter.EvidenceSearched);
        // A reviewer's name stands for a review on a date: without the date it would vouch for
        // every later edit. A search date after the review would claim the reviewer saw research
        // found later.
        if (frontMatter.ReviewedBy is { } reviewer && (string.IsNullOrWhiteSpace(reviewer) || reviewer.Length > 200 || frontMatter.LastReviewed is null))
        {
            throw Error(source, LineOf("reviewed_by"), "LDN062", "'reviewed_by' names the clinician who reviewed the page (at most 200 characters) and needs 'last_reviewed', the date of that review.");
        }

        if (frontMatter.EvidenceSearched is not null && frontMatter.LastReviewed is null)
        {
            throw Error(source, LineOf("evidence_searched"), "LDN062", "'evidence_searched' is shown beside the review date, so it needs 'last_reviewed' (the date the page was checked against that search).");
        }

        if (frontMatter.EvidenceSearchedDate() is { } searched && frontMatter.LastReviewedDate() is { } reviewed && searched > reviewed)
        {
            throw Error(source, LineOf("evidence_searched"), "LDN062", $"'evidence_searched' ({frontMatter.EvidenceSearched}) is after 'last_reviewed' ({frontMatter.LastReviewed}); a review can only cover research found before it.");
        }

        return (frontMatter, Body(text, closing!.Value));
    }

    /// <summary>
    /// The Markdown of a page whose front matter <see cref="Read"/> already accepted, with the
    /// front matter lines blanked; used when the page is read again to be written.
    /// </summary>
    public static string Body(string text) =>
        Body(text, ClosingLine(text) ?? throw new InvalidOperationException("The front matter has no closing line; Read reports this first."));

    private static string Body(string text, (int Start, int End) close)
    {
        var lines = 1 + text.AsSpan(0, close.Start).Count('\n');
        // One string of the final size: the blank lines, then the Markdown after the front matter.
        return string.Create(lines + text.Length - close.End, (text, lines, close.End), static (body, state) =>
        {
            body[..state.lines].Fill('\n');
            state.text.AsSpan(state.End).CopyTo(body[state.lines..]);
        });
    }

    // The '---' (or '...') line that ends the front matter, from the file's second line on: where
    // it starts, and where the Markdown after it starts; null when there is none.
    private static (int Start, int End)? ClosingLine(string text)
    {
        for (var start = text.IndexOf('\n') + 1; start > 0 && start < text.Length; start = text.IndexOf('\n', start) + 1)
        {
            var end = text.IndexOf('\n', start);
            var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start).TrimEnd('\r');
            if (line is "---" or "...")
            {
                return (start, end < 0 ? text.Length : end + 1);
            }
        }

        return null;
    }

    /// <summary>Parses a yyyy-mm-dd date that <see cref="Read"/> already checked.</summary>
    public static DateOnly? ParseDate(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static void CheckDate(string source, string[] lines, int close, string key, string? value)
    {
        if (value is not null && (!DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) || date.Year is < 1990 or > 2200))
        {
            var line = Array.FindIndex(lines, 1, close - 1, l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)) + 1;
            throw Error(source, Math.Max(line, 1), "LDN006", $"'{key}' must be a date written yyyy-mm-dd (between 1990 and 2200), not '{value}'.");
        }
    }

    private static InputException Error(string source, int line, string code, string message) =>
        new(Diagnostic.Error(source, line, 1, code, message));

    // XML 1.0's characters, less the controls refused above: no non-characters, no lone surrogates.
    private static bool IsXmlText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\uFFFE' or '\uFFFF')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
