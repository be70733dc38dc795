namespace LdnSite.Sources;

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// Comparing what references.yaml says with what a registry says: titles by similarity (registries
/// differ in capitals, punctuation, markup and a final full stop), journals by abbreviation
/// ("J Clin Gastroenterol" is "Journal of Clinical Gastroenterology"), names and numbers exactly.
/// </summary>
public static partial class TextMatch
{
    /// <summary>How alike two titles must be (0 to 1) to be the same title.</summary>
    public const double TitleThreshold = 0.9;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    private static readonly HashSet<string> JournalFillers = new(StringComparer.Ordinal) { "the", "of", "and", "for", "in", "on", "de", "la" };

    /// <summary>Lower case, letters and digits only, accents and markup removed, single spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var plain = Markup().Replace(WebUtility.HtmlDecode(text), " ").Normalize(NormalizationForm.FormKD);
        var result = new StringBuilder(plain.Length);
        var space = true;
        foreach (var c in plain)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                result.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                result.Append(' ');
                space = true;
            }
        }

        return result.ToString().TrimEnd();
    }

    /// <summary>Dice similarity of the two titles' letter pairs, after <see cref="Normalize"/> (1 is equal).</summary>
    public static double TitleSimilarity(string a, string b)
    {
        var (x, y) = (Normalize(a), Normalize(b));
        if (x == y)
        {
            return 1;
        }

        var pairs = Bigrams(x);
        var other = Bigrams(y);
        if (pairs.Count + other.Count == 0)
        {
            return 0;
        }

        var common = 0;
        foreach (var (pair, count) in pairs)
        {
            common += Math.Min(count, other.GetValueOrDefault(pair));
        }

        return 2.0 * common / (pairs.Values.Sum() + other.Values.Sum());
    }

    /// <summary>Whether the titles are the same title.</summary>
    public static bool SameTitle(string a, string b) => TitleSimilarity(a, b) >= TitleThreshold;

    /// <summary>
    /// Whether <paramref name="written"/> (an abbreviation as references.yaml has it) names the
    /// journal <paramref name="registry"/> names: equal, or each word of the abbreviation starts a
    /// word of the full name, in order, skipping small words ("Am J Gastroenterol" / "The American
    /// Journal of Gastroenterology").
    /// </summary>
    public static bool SameJournal(string written, string? registry)
    {
        var (a, b) = (Normalize(written), Normalize(registry));
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (a == b)
        {
            return true;
        }

        // A place in brackets ("Med Sci (Basel)") is PubMed's, not part of the name.
        a = Normalize(Regex.Replace(written, @"\([^)]*\)", " "));
        var abbreviation = a.Split(' ').Where(w => !JournalFillers.Contains(w)).ToList();
        var full = b.Split(' ').Where(w => !JournalFillers.Contains(w)).ToList();
        if (abbreviation.Count == 0 || abbreviation.Count > full.Count)
        {
            return false;
        }

        // Word for word from the start; a full name may go on after the abbreviation ends ("Mult Scler" / "Multiple Sclerosis Journal").
        return abbreviation.Select((word, i) => full[i].StartsWith(word, StringComparison.Ordinal)).All(ok => ok);
    }

    /// <summary>The family name of an author written "Smith JP" (the words before the initials).</summary>
    public static string FamilyName(string author)
    {
        var words = author.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var family = words.Length > 1 && words[^1].All(char.IsUpper) ? words[..^1] : words;
        return Normalize(string.Join(' ', family));
    }

    /// <summary>The first page of a range ("339-345", "339–45" and "e0123" give "339", "339", "e0123").</summary>
    public static string FirstPage(string? pages) =>
        Normalize((pages ?? "").Split('-', '\u2013', '\u2014')[0]);

    private static Dictionary<string, int> Bigrams(string text)
    {
        var pairs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            for (var i = 0; i + 1 < word.Length; i++)
            {
                var pair = word.Substring(i, 2);
                pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
            }
        }

        return pairs;
    }
}
