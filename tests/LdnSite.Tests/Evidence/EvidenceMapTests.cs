namespace LdnSite.Tests.Evidence;

using System.Globalization;
using System.Xml.Linq;
using LdnSite.Evidence;

/// <summary>The evidence map with more studies than a person would draw by hand.</summary>
public sealed class EvidenceMapTests
{
    private static StudyFacts Study(int i, int year, int count) => new(
        $"s{i:D5}", "Citation.", year, $"S{i}", "Randomised controlled trial", "randomised-controlled", 1, true,
        count, null, null, null, null, null, ["Crohn's disease"], null, null, null, null, null, null, null);

    [Fact]
    public void Two_thousand_studies_in_one_year_and_size_all_stay_on_the_chart()
    {
        // Each was nudged right of the last, by a scan of every mark per nudge (cubic), and off the chart.
        var studies = Enumerable.Range(0, 2_000).Select(i => Study(i, 2020, 40)).Append(Study(99_999, 2010, 10)).ToList();
        var svg = XElement.Parse(EvidenceMap.Svg(studies, s => "#" + s.Key));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var width = double.Parse(svg.Attribute("viewBox")!.Value.Split(' ')[2], CultureInfo.InvariantCulture);
        var circles = svg.Descendants(ns + "circle").ToList();
        Assert.Equal(2_001, circles.Count);
        Assert.All(circles, c => Assert.InRange(double.Parse(c.Attribute("cx")!.Value, CultureInfo.InvariantCulture), 7, width - 7));
        // Labels go past a readable number; every mark keeps its title for the table's name.
        Assert.DoesNotContain(svg.Descendants(ns + "text"), t => (string?)t.Attribute("class") == "evidence-map__label");
        Assert.Equal(2_001, svg.Descendants(ns + "a").Count(a => a.Element(ns + "title") is not null));
    }

    [Fact]
    public void A_few_studies_in_one_place_are_nudged_apart_and_labelled()
    {
        var studies = Enumerable.Range(0, 3).Select(i => Study(i, 2020, 40)).Append(Study(9, 2010, 10)).ToList();
        var svg = XElement.Parse(EvidenceMap.Svg(studies, s => "#" + s.Key));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var xs = svg.Descendants(ns + "circle").Select(c => double.Parse(c.Attribute("cx")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xs.Count, xs.Distinct().Count());
        Assert.Equal(4, svg.Descendants(ns + "text").Count(t => (string?)t.Attribute("class") == "evidence-map__label"));
    }
}
