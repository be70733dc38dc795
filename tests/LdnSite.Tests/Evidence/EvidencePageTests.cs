namespace LdnSite.Tests.Evidence;

using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using LdnSite.Data;
using LdnSite.Tests.Snapshots;
using LdnSite.Tests.Support;

/// <summary>The evidence table, the evidence map, the study lists and the opioid warning, on the real site.</summary>
public sealed class EvidencePageTests(RealSiteFixture site) : IClassFixture<RealSiteFixture>
{
    private static readonly List<Reference> References = YamlList.Read<Reference>(
        "_data/references.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Input, "_data", "references.yaml")), (r, line) => r.Line = line);

    private static IEnumerable<Reference> Studies => References.Where(r => r.DesignInfo is { IsStudy: true });

    private IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, path)));

    [Fact]
    public void The_evidence_table_has_a_row_for_every_study()
    {
        var rows = Page("evidence/index.html").QuerySelectorAll("table.studies tbody tr").Select(r => r.Id).ToList();
        Assert.Equal(Studies.Select(s => "study-" + s.Key).Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_evidence_map_is_valid_svg_with_a_linked_mark_for_every_study()
    {
        var svg = Page("evidence/index.html").QuerySelector("svg.evidence-map")!.OuterHtml;
        var map = XElement.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.NotNull(map.Element(ns + "title"));
        Assert.NotNull(map.Element(ns + "desc"));
        var links = map.Descendants(ns + "a").ToList();
        Assert.Equal(Studies.Select(s => "#study-" + s.Key).Order(StringComparer.Ordinal), links.Select(a => (string)a.Attribute("href")!).Order(StringComparer.Ordinal));
        Assert.All(links, a =>
        {
            Assert.NotNull(a.Element(ns + "title"));
            Assert.Single(a.Elements(), e => e.Name.LocalName is "circle" or "rect" or "polygon" or "path");
        });
    }

    [Fact]
    public void Each_condition_lists_exactly_its_studies()
    {
        var lists = Page("conditions/index.html").QuerySelectorAll(".condition-studies");
        Assert.True(lists.Length >= 3);
        foreach (var list in lists)
        {
            var label = list.QuerySelector(".condition-studies__title")!.TextContent.Split(": ")[1];
            var condition = Conditions.Labels.Single(c => c.Value == label).Key;
            var expected = Studies.Where(s => s.Conditions.Contains(condition)).Select(s => "../evidence/#study-" + s.Key).Order(StringComparer.Ordinal);
            Assert.Equal(expected, list.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_safety_page_opens_with_a_cited_opioid_warning_from_drug_information()
    {
        var page = Page("safety/index.html");
        var first = page.QuerySelector(".prose h2")!;
        Assert.Contains("opioid", first.TextContent, StringComparison.OrdinalIgnoreCase);
        // The section up to the next heading cites official drug information.
        var labels = References.Where(r => r.DesignInfo is { IsStudy: false }).Select(r => r.Key).ToHashSet();
        var cited = new List<string>();
        for (var node = first.NextElementSibling; node is not null && node.TagName != "H2"; node = node.NextElementSibling)
        {
            cited.AddRange(node.QuerySelectorAll("sup.citation a").Select(a => a.GetAttribute("href")!));
        }

        Assert.NotEmpty(cited);
        var referenceList = page.QuerySelectorAll(".references__list li").ToDictionary(li => "#" + li.Id, li => li.QuerySelector(".ref__design")!.TextContent);
        Assert.Contains(cited, href => referenceList[href] == "Official drug information");
        Assert.Contains("withdrawal", first.NextElementSibling!.ParentElement!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Reference_lists_show_each_studys_design_people_and_outcome()
    {
        var page = Page("conditions/index.html");
        foreach (var item in page.QuerySelectorAll(".references__list li"))
        {
            Assert.NotNull(item.QuerySelector(".ref__design"));
            Assert.NotNull(item.QuerySelector(".ref__links a[href^='https://']"));
        }

        Assert.Contains(page.QuerySelectorAll(".ref__outcome"), o => o.TextContent.StartsWith("Found:", StringComparison.Ordinal));
    }
}
