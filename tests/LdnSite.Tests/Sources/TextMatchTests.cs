namespace LdnSite.Tests.Sources;

using LdnSite.Sources;

/// <summary>How references.yaml's text is compared with a registry's.</summary>
public sealed class TextMatchTests
{
    [Theory]
    [InlineData("J Clin Gastroenterol", "Journal of Clinical Gastroenterology", true)]
    [InlineData("Am J Gastroenterol", "The American Journal of Gastroenterology", true)]
    [InlineData("Arthritis Rheum", "Arthritis &amp; Rheumatism", true)]
    [InlineData("Mult Scler", "Multiple Sclerosis Journal", true)]
    [InlineData("Med Sci (Basel)", "Medical Sciences", true)]
    [InlineData("Cochrane Database Syst Rev", "Cochrane Database of Systematic Reviews", true)]
    [InlineData("Dig Dis Sci", "Journal of Clinical Gastroenterology", false)]
    [InlineData("J Clin Gastroenterol", "Journal of Pain Research", false)]
    public void Journal_abbreviations_match_their_full_names(string written, string registry, bool same) =>
        Assert.Equal(same, TextMatch.SameJournal(written, registry));

    [Theory]
    [InlineData("Low-dose naltrexone therapy improves active Crohn's disease", "Low-dose naltrexone therapy improves active Crohn’s disease.", true)]
    [InlineData("Low-dose naltrexone therapy improves active Crohn's disease", "<i>Low-dose</i> Naltrexone Therapy Improves Active Crohn's Disease", true)]
    [InlineData("Low-dose naltrexone therapy improves active Crohn's disease", "Naltrexone for fibromyalgia: a randomized trial", false)]
    public void Titles_match_across_case_punctuation_and_markup(string a, string b, bool same) =>
        Assert.Equal(same, TextMatch.SameTitle(a, b));

    [Fact]
    public void Family_names_and_first_pages_are_read_as_written()
    {
        Assert.Equal("smith", TextMatch.FamilyName("Smith JP"));
        Assert.Equal("van der berg", TextMatch.FamilyName("van der Berg A"));
        Assert.Equal(TextMatch.FirstPage("339-345"), TextMatch.FirstPage("339–45"));
    }
}
