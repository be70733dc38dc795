namespace LdnSite.Tests.Site;

using LdnSite.Data;
using LdnSite.Markdown;
using LdnSite.Markdown.Glossary;
using LdnSite.Markdown.Structure;
using Markdig.Syntax;

public sealed class GlossaryLinkerTests
{
    private static readonly GlossaryTerm Naltrexone = new() { Term = "Naltrexone", Definition = "A medicine." };
    private static readonly GlossaryTerm Ldn = new() { Term = "LDN", Definition = "Low dose naltrexone.", Aliases = ["low dose naltrexone"] };

    private static List<string> LinkedWords(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, SiteMarkdown.Pipeline);
        new GlossaryLinker([Naltrexone, Ldn]).Link(document, term => "glossary/#" + term.Anchor);
        return document.Descendants<GlossaryInline>().Select(term => term.Text).ToList();
    }

    [Fact]
    public void The_longest_name_wins_and_its_words_are_not_linked_again()
    {
        Assert.Equal(["Low dose naltrexone", "naltrexone"], LinkedWords("Low dose naltrexone is not plain naltrexone."));
    }

    [Fact]
    public void Each_term_is_linked_once_per_page_whichever_name_is_used()
    {
        Assert.Equal(["LDN"], LinkedWords("LDN here.\n\nLow dose naltrexone there, LDN again."));
    }

    [Fact]
    public void Headings_links_and_parts_of_words_are_left_alone()
    {
        Assert.Equal(["naltrexone"], LinkedWords("## Naltrexone\n\nSee [naltrexone](x.md), naltrexones, then naltrexone."));
    }
}
