namespace LdnSite.Tests.Markdown;

using LdnSite.Markdown.Readability;

/// <summary>Reading levels against values worked out by hand.</summary>
public sealed class ReadabilityTests
{
    [Theory]
    [InlineData("dose", 1)] // silent final e
    [InlineData("naltrexone", 3)] // nal-trex-one
    [InlineData("medicine", 3)] // med-i-cine
    [InlineData("studies", 2)] // stud-ies: "es" after a vowel is not dropped
    [InlineData("happy", 2)]
    [InlineData("LDN", 3)] // read letter by letter
    [InlineData("4.5", 1)] // a number
    [InlineData("the", 1)]
    [InlineData("inflammation", 4)]
    [InlineData("NALTREXONE", 3)] // more than five capitals: read as a word, nal-trex-one
    [InlineData("MS", 2)]
    [InlineData("naïve", 1)] // only a, e, i, o, u and y are vowels to the rule; the final e is silent
    public void Syllables_follow_the_documented_rule(string word, int syllables) =>
        Assert.Equal(syllables, Readability.Syllables(word));

    [Fact]
    public void Grade_and_ease_match_a_hand_computed_text()
    {
        // 9 words, 2 sentences, 14 syllables (1+1+3+1+1+3+2+1+1):
        // grade = 0.39 × 4.5 + 11.8 × 14/9 − 15.59 = 4.52; ease = 206.835 − 1.015 × 4.5 − 84.6 × 14/9 = 70.67.
        var level = Readability.Measure(["Low dose naltrexone is a medicine. Studies are small."]);
        Assert.Equal((9, 2, 14), (level.Words, level.Sentences, level.Syllables));
        Assert.Equal(4.52, level.Grade, 2);
        Assert.Equal(70.67, level.Ease, 2);
    }

    [Fact]
    public void Each_block_ends_a_sentence_and_decimals_do_not()
    {
        // "It is 4.5 mg" has no full stop but ends its list item; "4.5" is one word, not a sentence end.
        var level = Readability.Measure(["It is 4.5 mg", "Take care."]);
        Assert.Equal((6, 2), (level.Words, level.Sentences));
    }

    [Fact]
    public void Long_words_and_sentences_read_at_a_higher_grade()
    {
        var easy = Readability.Measure(["The drug is old. It is cheap. Few trials test it."]);
        var hard = Readability.Measure(["Immunomodulatory pharmacological interventions demonstrate considerable heterogeneity regarding therapeutic effectiveness across autoimmune inflammatory conditions."]);
        Assert.True(hard.Grade > 15 && easy.Grade < 3, $"{hard.Grade} vs {easy.Grade}");
        Assert.True(hard.Ease < 0 && easy.Ease > 90, $"{hard.Ease} vs {easy.Ease}");
    }
}
