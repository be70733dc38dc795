namespace LdnSite.Markdown.Readability;

using System.Text;
using LdnSite.Markdown.Structure;
using Markdig.Syntax;

/// <summary>A page's reading level.</summary>
/// <param name="Words">Words counted.</param>
/// <param name="Sentences">Sentences counted.</param>
/// <param name="Syllables">Syllables counted.</param>
public sealed record ReadingLevel(int Words, int Sentences, int Syllables)
{
    /// <summary>The metadata key a page's reading level is kept under.</summary>
    public static readonly Engine.Documents.MetadataKey<ReadingLevel> Key = new("reading");

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
public static class Readability
{
    /// <summary>The reading level of the prose in <paramref name="document"/> on its own (the page renderer measures it in its one walk).</summary>
    public static ReadingLevel Of(MarkdownDocument document)
    {
        var prose = new Prose();
        new PageWalk([prose]).Run(document);
        return prose.Level;
    }

    /// <summary>
    /// Counts the prose of one walk: paragraphs at the top level or inside quotes and boxes, and
    /// list items there (each item's own paragraphs together; its nested lists count on their own).
    /// </summary>
    public sealed class Prose : IBlockVisitor, ILeafTextVisitor
    {
        // What the blocks inside each open container are to the count.
        private enum Inside
        {
            Nothing,
            Paragraphs,
            ListItems,
            ItemParagraphs,
        }

        private readonly Stack<Inside> _containers = new([Inside.Paragraphs]);
        private readonly StringBuilder _item = new();
        private Counts _counts;

        /// <summary>The reading level once the walk is over.</summary>
        public ReadingLevel Level => _counts.Level;

        /// <inheritdoc />
        public void Enter(Block block, Block? previous)
        {
            if (block is not ContainerBlock)
            {
                return;
            }

            var inside = _containers.Peek();
            _containers.Push(block switch
            {
                QuoteBlock or Markdig.Extensions.CustomContainers.CustomContainer when inside == Inside.Paragraphs => Inside.Paragraphs,
                ListBlock when inside is Inside.Paragraphs or Inside.ItemParagraphs => Inside.ListItems,
                ListItemBlock when inside == Inside.ListItems => Inside.ItemParagraphs,
                _ => Inside.Nothing,
            });
        }

        /// <inheritdoc />
        public void Text(LeafBlock leaf, StringBuilder text)
        {
            if (leaf is not ParagraphBlock)
            {
                return;
            }

            switch (_containers.Peek())
            {
                case Inside.Paragraphs:
                    _counts.Add(text);
                    break;
                case Inside.ItemParagraphs:
                    _item.Append(text);
                    break;
            }
        }

        /// <inheritdoc />
        public void Leave(Block block)
        {
            if (block is not ContainerBlock)
            {
                return;
            }

            if (_containers.Pop() == Inside.ItemParagraphs)
            {
                // A list item is one block of prose.
                _counts.Add(_item);
                _item.Clear();
            }
        }
    }

    /// <summary>The reading level of <paramref name="blocks"/>, each a paragraph or list item's text.</summary>
    public static ReadingLevel Measure(IEnumerable<string> blocks)
    {
        var counts = new Counts();
        foreach (var block in blocks)
        {
            counts.Add(block);
        }

        return counts.Level;
    }

    // Words, sentences and syllables so far. One pass over each block's characters, without
    // regular expressions or allocations per word: a large site has millions of words.
    private struct Counts
    {
        private int _words;
        private int _sentences;
        private int _syllables;

        public readonly ReadingLevel Level => new(_words, _sentences, _syllables);

        // A word may cross the builder's chunks, so its text is counted from one rented copy.
        public void Add(StringBuilder text)
        {
            var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
            text.CopyTo(0, chars, text.Length);
            Add(chars.AsSpan(0, text.Length));
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }

        public void Add(ReadOnlySpan<char> block)
        {
            var wordsInSentence = 0;
            var i = 0;
            while (i < block.Length)
            {
                while (i < block.Length && char.IsWhiteSpace(block[i]))
                {
                    i++;
                }

                var start = i;
                while (i < block.Length && !char.IsWhiteSpace(block[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    break;
                }

                var token = block.Slice(start, i - start);
                var word = TrimToWord(token);
                if (word.Length > 0)
                {
                    wordsInSentence++;
                    _syllables += Syllables(word);
                }

                // A sentence ends at '.', '!' or '?' followed by a space or the end of the block.
                if (token[^1] is '.' or '!' or '?' && wordsInSentence > 0)
                {
                    _words += wordsInSentence;
                    _sentences++;
                    wordsInSentence = 0;
                }
            }

            if (wordsInSentence > 0)
            {
                _words += wordsInSentence;
                _sentences++;
            }
        }
    }

    // A token without its leading and trailing punctuation ("(LDN)," → "LDN").
    private static ReadOnlySpan<char> TrimToWord(ReadOnlySpan<char> token)
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
    public static int Syllables(string word) => Syllables(word.AsSpan());

    private static int Syllables(ReadOnlySpan<char> word)
    {
        Span<char> letters = stackalloc char[64];
        letters = letters[..Math.Min(word.Length, letters.Length)];
        var count = 0;
        var allUpper = true;
        foreach (var c in word)
        {
            if (count == letters.Length)
            {
                break;
            }

            // ASCII, nearly every letter of a page, without the Unicode tables.
            if (char.IsAsciiLetter(c))
            {
                allUpper &= char.IsAsciiLetterUpper(c);
                letters[count++] = (char)(c | 0x20);
            }
            else if (c >= 128 && char.IsLetter(c))
            {
                allUpper &= char.IsUpper(c);
                letters[count++] = char.ToLowerInvariant(c);
            }
        }

        if (count == 0)
        {
            return 1;
        }

        if (count is >= 2 and <= 5 && allUpper)
        {
            return count;
        }

        if (count <= 3)
        {
            return 1;
        }

        var w = letters[..count];
        // A silent ending: "es", "ed" or "e" after a letter other than l, a, e, i, o, u, y.
        if (w.Length >= 3 && (w.EndsWith("es") || w.EndsWith("ed")) && !IsSoft(w[^3]))
        {
            w = w[..^2];
        }
        else if (w.Length >= 2 && w[^1] == 'e' && !IsSoft(w[^2]))
        {
            w = w[..^1];
        }

        if (w.Length > 0 && w[0] == 'y')
        {
            w = w[1..];
        }

        var groups = 0;
        var inVowels = false;
        foreach (var c in w)
        {
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel && !inVowels)
            {
                groups++;
            }

            inVowels = vowel;
        }

        return Math.Max(1, groups);
    }

    private static bool IsSoft(char c) => c is 'l' or 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
