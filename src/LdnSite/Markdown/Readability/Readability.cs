namespace LdnSite.Markdown.Readability;

using System.Text.RegularExpressions;
using LdnSite.Markdown.Structure;
using Markdig.Syntax;

/// <summary>A page's reading level.</summary>
/// <param name="Words">Words counted.</param>
/// <param name="Sentences">Sentences counted.</param>
/// <param name="Syllables">Syllables counted.</param>
public sealed record ReadingLevel(int Words, int Sentences, int Syllables)
{
    /// <summary>Pages with fewer words than this are not judged: a few sentences give no stable score.</summary>
    public const int MinimumWords = 100;

    /// <summary>Flesch-Kincaid grade level: 0.39 × words/sentence + 11.8 × syllables/word − 15.59.</summary>
    public double Grade => Words == 0 ? 0 : (0.39 * Words / Sentences) + (11.8 * Syllables / Words) - 15.59;

    /// <summary>Flesch reading ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word (higher is easier).</summary>
    public double Ease => Words == 0 ? 100 : 206.835 - (1.015 * Words / Sentences) - (84.6 * Syllables / Words);
}

/// <summary>
/// Measures how easy a page's prose is to read, with the Flesch-Kincaid grade and Flesch
/// reading ease over its paragraphs and list items (headings, tables and code are not prose;
/// citations are not read aloud). Sentences end at '.', '!' or '?' followed by a space, and at
/// the end of each paragraph or list item. Syllables are counted with the usual vowel-group
/// rule, dropping a silent final e/es/ed; an abbreviation of two to five capitals (LDN, MS) is
/// read letter by letter, and a number counts as one syllable.
/// </summary>
public static partial class Readability
{
    [GeneratedRegex(@"[.!?]+(?=\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<=[^laeiouy])(es|ed|e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();

    /// <summary>The reading level of the prose in <paramref name="document"/>.</summary>
    public static ReadingLevel Of(MarkdownDocument document) => Measure(ProseBlocks(document));

    /// <summary>The reading level of <paramref name="blocks"/>, each a paragraph or list item's text.</summary>
    public static ReadingLevel Measure(IEnumerable<string> blocks)
    {
        int words = 0, sentences = 0, syllables = 0;
        foreach (var block in blocks)
        {
            foreach (var sentence in SentenceEnd().Split(block))
            {
                var counted = 0;
                foreach (var token in sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    var word = TrimToWord(token);
                    if (word.Length == 0)
                    {
                        continue;
                    }

                    counted++;
                    syllables += Syllables(word);
                }

                if (counted > 0)
                {
                    words += counted;
                    sentences++;
                }
            }
        }

        return new ReadingLevel(words, sentences, syllables);
    }

    // A token without its leading and trailing punctuation ("(LDN)," → "LDN").
    private static string TrimToWord(string token)
    {
        int start = 0, end = token.Length;
        while (start < end && !char.IsLetterOrDigit(token[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(token[end - 1]))
        {
            end--;
        }

        return token[start..end];
    }

    /// <summary>The syllables of one word, by the rule in the class summary.</summary>
    public static int Syllables(string word)
    {
        var letters = new string(word.Where(char.IsLetter).ToArray());
        if (letters.Length == 0)
        {
            return 1;
        }

        if (letters.Length is >= 2 and <= 5 && letters.All(char.IsUpper))
        {
            return letters.Length;
        }

        var lower = letters.ToLowerInvariant();
        if (lower.Length <= 3)
        {
            return 1;
        }

        lower = SilentEnding().Replace(lower, "");
        lower = lower.StartsWith('y') ? lower[1..] : lower;
        return Math.Max(1, VowelGroup().Count(lower));
    }

    private static IEnumerable<string> ProseBlocks(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    yield return PlainText.Of(paragraph);
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        // A list item is one block of prose; its nested lists are their own.
                        yield return string.Join(" ", item.OfType<ParagraphBlock>().Select(PlainText.Of));
                        foreach (var nested in ProseBlocks(item.OfType<ListBlock>()))
                        {
                            yield return nested;
                        }
                    }

                    break;
                case QuoteBlock or Markdig.Extensions.CustomContainers.CustomContainer:
                    foreach (var text in ProseBlocks((ContainerBlock)block))
                    {
                        yield return text;
                    }

                    break;
            }
        }
    }
}
