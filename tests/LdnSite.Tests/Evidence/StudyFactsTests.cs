namespace LdnSite.Tests.Evidence;

using System.Xml.Linq;
using LdnSite.Evidence;

/// <summary>How the table, the reference lists and the map say who took part.</summary>
public sealed class StudyFactsTests
{
    [Theory]
    [InlineData(40, "adults with active Crohn's disease", "40 adults with active Crohn's disease")]
    [InlineData(1_200, "people with fibromyalgia", "1,200 people with fibromyalgia")]
    [InlineData(1, "one breastfeeding mother and her baby", "one breastfeeding mother and her baby")]
    [InlineData(2, "Two sisters with multiple sclerosis", "Two sisters with multiple sclerosis")]
    [InlineData(1, "a woman with chronic pain", "a woman with chronic pain")]
    [InlineData(46, "46 people in 2 trials", "46 people in 2 trials")]
    [InlineData(12, "adults aged 18 to 65", "12 adults aged 18 to 65")]
    public void The_count_is_written_once(int count, string who, string shown)
    {
        var reference = new LdnSite.Data.Reference
        {
            Key = "chan2004", Authors = ["Chan CF"], Title = "A title", Journal = "J", Year = 2004, Design = "case-series",
            Participants = new LdnSite.Data.Participants { Count = count, Who = who },
        };
        Assert.Equal(shown, StudyFacts.Of(reference).Participants);
    }

    [Theory]
    [InlineData(1, "1 person")]
    [InlineData(2, "2 people")]
    [InlineData(1_500, "1,500 people")]
    public void A_head_count_says_person_or_people(int count, string shown) => Assert.Equal(shown, StudyFacts.People(count));

    [Fact]
    public void A_one_person_study_on_the_map_is_titled_one_person()
    {
        StudyFacts Study(string key, int count) => new(
            key, "Citation.", 2004, "Chan 2004", "Case report or case series", "case-series", 5, true,
            count, null, null, null, null, null, ["General"], null, null, null, null, null, null, null);
        var svg = XElement.Parse(EvidenceMap.Svg([Study("chan2004", 1), Study("smith2011", 40)], s => "#" + s.Key));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var titles = svg.Descendants(ns + "title").Select(t => t.Value).ToList();
        Assert.Contains(titles, t => t.Contains(", 1 person,", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains(", 40 people,", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("1 people", StringComparison.Ordinal));
    }
}
