namespace LdnSite.Tests.Site;

using System.Text.Json;
using LdnSite.Content;
using LdnSite.Markdown;
using LdnSite.Markdown.Structure;
using LdnSite.Search;

public sealed class SearchIndexTests
{
    private static PageStructure StructureOf(string markdown) =>
        PageStructure.Of(Markdig.Markdown.Parse(markdown, SiteMarkdown.Pipeline));

    [Fact]
    public void Sections_split_at_h2_and_h3_with_their_anchors()
    {
        var structure = StructureOf("Intro text.\n\n## Side effects\n\nVivid dreams.\n\n### Sleep\n\nInsomnia [@smith2013].\n\n#### Detail\n\nStays in Sleep.\n\n## Dose\n\n- 1 to 4.5 mg\n");
        Assert.Equal(
        [
            new PageSection("", "", "Intro text."),
            new PageSection("side-effects", "Side effects", "Vivid dreams."),
            new PageSection("sleep", "Sleep", "Insomnia. Detail Stays in Sleep."),
            new PageSection("dose", "Dose", "1 to 4.5 mg"),
        ], structure.Sections);
        Assert.Equal(["side-effects", "sleep", "dose"], structure.Toc.Select(t => t.Id));
    }

    [Fact]
    public void Section_text_keeps_link_and_emphasis_words_and_drops_markup()
    {
        var section = Assert.Single(StructureOf("## A\n\nSee **bold** and [the safety page](safety.md) `code`.\n").Sections);
        Assert.Equal("See bold and the safety page code.", section.Text);
    }

    [Fact]
    public void Index_is_a_classic_script_assigning_a_global_with_pages_in_path_order()
    {
        PageInfo Page(string title, string destination) => new(title + ".md", destination, title, title, "", 0, "page", false);
        using var buffer = new MemoryStream();
        SearchIndexWriter.Write(buffer,
        [
            ("safety/index.html", SearchIndexWriter.Entry(Page("Safety", "safety/index.html"), [new PageSection("side-effects", "Side effects", "Vivid dreams — “quotes”.")])),
            ("index.html", SearchIndexWriter.Entry(Page("Home", "index.html"), [new PageSection("", "", "Welcome.")])),
        ], SearchIndexWriter.Abbreviations([new LdnSite.Data.GlossaryTerm { Term = "Multiple sclerosis", Definition = "x", Aliases = ["MS", "multiple sclerosis (MS)"] }]));
        var script = System.Text.Encoding.UTF8.GetString(buffer.ToArray());

        Assert.StartsWith("window.LDN_SEARCH_INDEX=", script);
        Assert.EndsWith(";\n", script);
        var json = JsonDocument.Parse(script["window.LDN_SEARCH_INDEX=".Length..^2]).RootElement;
        Assert.Equal("[\"Home\",\"index.html\",[[\"\",\"\",\"Welcome.\"]]]", json.GetProperty("pages")[0].GetRawText());
        Assert.Equal("[\"Side effects\",\"side-effects\",\"Vivid dreams — “quotes”.\"]", json.GetProperty("pages")[1][2][0].GetRawText());
        // Only short capitalised aliases are abbreviations readers search by.
        Assert.Equal("{\"ms\":\"multiple sclerosis\"}", json.GetProperty("abbreviations").GetRawText());
    }
}
