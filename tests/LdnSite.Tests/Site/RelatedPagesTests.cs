namespace LdnSite.Tests.Site;

using LdnSite.Content;
using LdnSite.Navigation;

/// <summary>Related pages: medical pages that share at least two sources, most shared first.</summary>
public sealed class RelatedPagesTests
{
    private static (PageInfo, IReadOnlyList<string>) Page(string name, string title, string layout = "page", bool hidden = false, params string[] cited) =>
        (new PageInfo(name + ".md", name + "/index.html", title, title, "D.", 0, layout, hidden), cited);

    [Fact]
    public void Pages_sharing_two_sources_are_related_most_shared_first_then_by_title()
    {
        var related = RelatedPages.Of(
        [
            Page("a", "Alpha", cited: ["x", "y", "z"]),
            Page("b", "Beta", cited: ["x", "y"]),
            Page("c", "Gamma", cited: ["x", "y", "z"]),
            Page("d", "Delta", cited: ["x"]),
            Page("e", "Epsilon", cited: ["x", "y", "x"]),
        ]);
        Assert.Equal(["Gamma", "Beta", "Epsilon"], related["a.md"].Select(r => r.Title));
        Assert.Equal("c/index.html", related["a.md"][0].Destination);
        Assert.False(related.ContainsKey("d.md"));
    }

    [Fact]
    public void Hidden_and_non_medical_pages_are_neither_listed_nor_given_a_list()
    {
        var related = RelatedPages.Of(
        [
            Page("a", "Alpha", cited: ["x", "y"]),
            Page("b", "Beta", hidden: true, cited: ["x", "y"]),
            Page("r", "Sources", layout: "references", cited: ["x", "y"]),
        ]);
        Assert.Empty(related);
    }

    [Fact]
    public void A_source_cited_by_very_many_pages_is_not_counted()
    {
        var pages = Enumerable.Range(0, RelatedPages.MostCiting + 1).Select(i => Page($"p{i}", $"Page {i}", cited: ["common", "also-common"])).ToList();
        Assert.Empty(RelatedPages.Of(pages));
        Assert.NotEmpty(RelatedPages.Of(pages.Take(RelatedPages.MostCiting).ToList()));
    }
}
