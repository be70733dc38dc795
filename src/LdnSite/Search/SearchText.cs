namespace LdnSite.Search;

using System.Text.RegularExpressions;

/// <summary>
/// How the browser's search engine (MiniSearch 7) turns text into terms, done here so the index
/// can be built ahead of time and split into chunks. Every rule must match the browser exactly:
/// the ranking the reader sees is computed from these terms and lengths, and a browser test
/// compares it with MiniSearch indexing the same text itself.
/// </summary>
public static partial class SearchText
{
    /// <summary>
    /// Common English words carry no meaning for search ("does LDN cause insomnia?"). The browser
    /// reads this list from the search manifest, so it is written in one place.
    /// </summary>
    public static readonly IReadOnlyList<string> StopWords = ("a about above after again against all am an and any are as at be because been before being " +
        "below between both but by can could did do does doing down during each few for from further had has have having he " +
        "her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of " +
        "off on once only or other our ours ourselves out over own same she should so some such than that the their theirs " +
        "them themselves then there these they this those through to too under until up very was we were what when where " +
        "which while who whom why will with would you your yours yourself yourselves").Split(' ');

    private static readonly HashSet<string> StopWordSet = new(StopWords, StringComparer.Ordinal);

    /// <summary>
    /// MiniSearch's tokenizer, <c>text.split(/[\n\r\p{Z}\p{P}]+/u)</c>: like JavaScript's split,
    /// it keeps the empty strings before a leading and after a trailing separator, and they count
    /// towards a field's length.
    /// </summary>
    public static string[] Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var range in TokenRanges(text))
        {
            tokens.Add(text[range]);
        }

        return [.. tokens];
    }

    /// <summary>
    /// The tokens of <see cref="Tokens"/> as ranges of <paramref name="text"/>, without making
    /// strings: what the indexer walks, since most tokens repeat. A struct enumerator: every word of
    /// every page passes through it, and an iterator's interface calls were 3% of a large build.
    /// </summary>
    public static TokenRangeEnumerator TokenRanges(string text) => new(text);

    // [\n\r\p{Z}\p{P}], one UTF-16 unit at a time, as .NET's regular expressions read it. Every
    // character of every page's text is asked: ASCII, nearly all of it, is answered from a table
    // made by the same rule.
    private static bool IsSeparator(char c) => c < 128 ? AsciiSeparators[c] : IsSeparatorByCategory(c);

    private static readonly bool[] AsciiSeparators = [.. Enumerable.Range(0, 128).Select(c => IsSeparatorByCategory((char)c))];

    private static bool IsSeparatorByCategory(char c) => c is '\n' or '\r' || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.SpaceSeparator or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator or
        System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.DashPunctuation or System.Globalization.UnicodeCategory.OpenPunctuation or
        System.Globalization.UnicodeCategory.ClosePunctuation or System.Globalization.UnicodeCategory.InitialQuotePunctuation or System.Globalization.UnicodeCategory.FinalQuotePunctuation or
        System.Globalization.UnicodeCategory.OtherPunctuation;

    /// <summary>
    /// A field's length as MiniSearch counts it: distinct tokens before lower-casing or stop words
    /// are applied ("The the" is two, an empty field is one).
    /// </summary>
    public static int FieldLength(string[] tokens) => tokens.Distinct(StringComparer.Ordinal).Count();

    /// <summary>The site's term processing: lower case, stop words dropped (null).</summary>
    public static string? Term(string token)
    {
        var term = Term(token, stackalloc char[128]);
        return term.IsEmpty ? null : term.ToString();
    }

    /// <summary>
    /// <see cref="Term(string)"/> without making a string: the term is lower-cased into
    /// <paramref name="buffer"/> (a longer token takes the slow path); empty for a stop word or an
    /// empty token. What the indexer calls for every token.
    /// </summary>
    public static ReadOnlySpan<char> Term(ReadOnlySpan<char> token, Span<char> buffer)
    {
        if (token.IsEmpty)
        {
            return default;
        }

        var lower = token.Length <= buffer.Length ? buffer[..token.ToLowerInvariant(buffer)] : token.ToString().ToLowerInvariant().AsSpan();
        return StopWordLookup.Contains(lower) ? default : lower;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWordSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// "Low dose naltrexone" is the medicine's name, not a use of the word "dose": it is indexed
    /// (and searched, in site.js) as "LDN", so a search for "dose" finds pages about doses rather
    /// than every page that names the medicine. JavaScript's <c>\b</c> is an ASCII word boundary.
    /// </summary>
    public static string AsName(string text) => text.AsSpan().ContainsAny(Naltrexone) ? MedicineName().Replace(text, "LDN") : text;

    // Every section's text is asked: a vectorised search (the string.Contains it replaced was 1.3% of a large build).
    private static readonly System.Buffers.SearchValues<string> Naltrexone = System.Buffers.SearchValues.Create(["naltrexone"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("(?<![A-Za-z0-9_])low[- ]dose naltrexone(?![A-Za-z0-9_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MedicineName();
}
