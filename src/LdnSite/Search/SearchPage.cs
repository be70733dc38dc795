namespace LdnSite.Search;

using LdnSite.Engine.Documents;

/// <summary>One entry of the search index: a page (or the glossary's terms, or the sources) with its sections.</summary>
/// <param name="Destination">The page's output path, which results link to.</param>
/// <param name="Entry">What results show: <c>[title, path, [[heading, anchor, text], …]]</c>, see <see cref="SearchIndexWriter.Entry"/>.</param>
/// <param name="Terms">Its terms and field lengths.</param>
/// <param name="Secondary">True for glossary terms and sources, which rank below pages that match as well.</param>
public sealed record SearchPage(string Destination, PackedText Entry, PageTerms Terms, bool Secondary);
