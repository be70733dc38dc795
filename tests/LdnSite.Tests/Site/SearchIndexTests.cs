namespace LdnSite.Tests.Site;

using System.Text.Json;
using LdnSite.Content;
using LdnSite.Engine.Documents;
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
    public void Terms_and_field_lengths_are_counted_as_MiniSearch_counts_them()
    {
        // In a browser: "(Low-dose) the The, naltrexone.".split(/[\n\r\p{Z}\p{P}]+/u)
        string[] tokens = SearchText.Tokens("(Low-dose) the The, naltrexone.");
        Assert.Equal(["", "Low", "dose", "the", "The", "naltrexone", ""], tokens);
        // Distinct before lower-casing, the empty string included.
        Assert.Equal(6, SearchText.FieldLength(tokens));
        Assert.Equal(1, SearchText.FieldLength(SearchText.Tokens("")));
        // In a browser: "ldn".split(…) is ["ldn"], "…—".split(…) is ["", ""], "a \u2014 b!?".split(…) is ["a", "b", ""].
        Assert.Equal(["ldn"], SearchText.Tokens("ldn"));
        Assert.Equal(["", ""], SearchText.Tokens("\u2026\u2014"));
        Assert.Equal(["a", "b", ""], SearchText.Tokens("a \u2014 b!?"));
        Assert.Null(SearchText.Term("The"));
        Assert.Null(SearchText.Term(""));
        Assert.Equal("dose", SearchText.Term("Dose"));
        Assert.Equal("LDN helps; slow dose naltrexone", SearchText.AsName("Low-Dose Naltrexone helps; slow dose naltrexone"));
    }

    private static readonly PageInfo Home = new("index.md", "index.html", "Home", "Home", "", 0, "page", false);
    private static readonly PageInfo Safety = new("safety.md", "safety/index.html", "Safety", "Safety", "", 0, "page", false);

    private static List<SearchPage> TwoPages(TextPacking packing = TextPacking.Compressed) =>
    [
        Page(Home, [new PageSection("", "", "Sleep sleep dreams.")], packing),
        Page(Safety, [new PageSection("side", "Side effects", "Vivid dreams.")], packing),
    ];

    // Pages of a large site keep their entry and terms compressed, those of a small one plain; the
    // index made from them must be the same either way.
    private static SearchPage Page(PageInfo page, IReadOnlyList<PageSection> sections, TextPacking packing = TextPacking.Compressed) =>
        new(page.Destination, SearchIndexWriter.Entry(page, sections, packing), PageTerms.From(page.Title, sections, secondary: false, packing), Secondary: false);

    [Theory]
    [InlineData(TextPacking.Plain)]
    [InlineData(TextPacking.Compressed)]
    public void Chunks_hold_each_term_with_its_documents_counts_and_field_lengths(TextPacking packing)
    {
        var chunks = SearchChunks.Build(TwoPages(packing));
        Assert.Equal(["dr", "ef", "ho", "sa", "si", "sl", "vi"], chunks.Select(c => c.Key));
        string Script(string key) => System.Text.Encoding.UTF8.GetString(chunks.Single(c => c.Key == key).Script());

        // "dreams": text field (2) of page 0's section 0 (id 0) and page 1's section 0 (id 65536,
        // written as the difference); once each; text lengths 4 ("Sleep", "sleep", "dreams", "") and 3.
        Assert.Equal("LDN_SEARCH_CHUNK(\"dr\",[[\"dreams\",2,[0,65536],[1,1],[4,3]]]);\n", Script("dr"));
        Assert.Equal("LDN_SEARCH_CHUNK(\"sl\",[[\"sleep\",2,[0],[2],[4]]]);\n", Script("sl"));
        // A title counts in its page's first section; a heading in its own.
        Assert.Equal("LDN_SEARCH_CHUNK(\"sa\",[[\"safety\",0,[65536],[1],[1]]]);\n", Script("sa"));
        Assert.Equal("LDN_SEARCH_CHUNK(\"si\",[[\"side\",1,[65536],[1],[2]]]);\n", Script("si"));
        Assert.Matches(@"^assets/search/chunk\.[0-9a-f]{10}\.js$", chunks[0].Destination);
        Assert.Equal("dreams", chunks[0].Terms);
    }

    [Theory]
    [InlineData(TextPacking.Plain)]
    [InlineData(TextPacking.Compressed)]
    public void A_term_in_several_blocks_of_pages_is_one_list_of_ids_delta_coded_across_the_blocks(TextPacking packing)
    {
        // 258 pages: blocks of 256 are pages 0-255 and 256-257. "dreams" is in pages 0 and 255
        // (first block) and 256 and 257 (second). Ids are page × 65,536: 0, 16,711,680,
        // 16,777,216 and 16,842,752; each delta is taken from the id before it, across the block
        // boundary too. "Dreams." is two tokens ("Dreams" and the empty one after the stop).
        Assert.Equal(256, SearchChunks.PagesPerBlock);
        var pages = Enumerable.Range(0, 258).Select(i => Page(
            new PageInfo($"p{i:D3}.md", $"p{i:D3}/index.html", "Page", "Page", "", 0, "page", false),
            [new PageSection("", "", i is 0 or 255 or 256 or 257 ? "Dreams." : "Other.")], packing)).ToList();
        var chunk = SearchChunks.Build(pages).Single(c => c.Key == "dr");
        Assert.Equal("LDN_SEARCH_CHUNK(\"dr\",[[\"dreams\",2,[0,16711680,65536,65536],[1,1,1,1],[2,2,2,2]]]);\n", System.Text.Encoding.UTF8.GetString(chunk.Script()));
    }

    [Fact]
    public void A_block_made_from_the_last_one_after_an_edit_equals_a_block_merged_whole()
    {
        // Page 7 loses "unique" and "sleep" (which other pages keep), gains "fresh", and gets a
        // longer text, so "dreams" (still on it) changes its length there.
        static SearchPage P(int i, string text) => Page(
            new PageInfo($"p{i:D3}.md", $"p{i:D3}/index.html", $"Page {i}", $"Page {i}", "", 0, "page", false),
            [new PageSection("", "", text), new PageSection("more", "More", i % 2 == 0 ? "Even words here." : "Odd words there.")]);
        static string Text(int i) => i == 7 ? "Dreams unique sleep." : $"Dreams sleep number{i % 5}.";
        var before = Enumerable.Range(0, 20).Select(i => P(i, Text(i))).ToList();
        // Page 9's terms are made again, equal to before (as the glossary's are in every build).
        var after = before.Select((page, i) => i switch { 7 => P(7, "Dreams fresh and vivid and long."), 9 => P(9, Text(9)), _ => page }).ToList();

        static void AssertSameAsWhole(PostingBlock block, List<SearchPage> pages, int first)
        {
            var whole = PostingBlock.Of(pages, first);
            Assert.Equal(whole.Terms.Keys.Order(), block.Terms.Keys.Order());
            Assert.All(whole.Terms, t => Assert.Equal(t.Value.Hash, block.Terms[t.Key].Hash));
        }

        var previous = PostingBlock.Of(before, 0);
        var patched = PostingBlock.Of(after, 0, previous);
        AssertSameAsWhole(patched, after, 0);
        Assert.DoesNotContain("unique", patched.Terms.Keys);
        Assert.Contains("fresh", patched.Terms.Keys);
        Assert.NotEqual(previous.Terms["dreams"].Hash, patched.Terms["dreams"].Hash);
        // Terms page 7 never had keep their fragment objects (page 9's "number4" too); its terms are merged again.
        Assert.Same(previous.Terms["number3"], patched.Terms["number3"]);
        Assert.Same(previous.Terms["number4"], patched.Terms["number4"]);
        Assert.Same(previous.Terms["even"], patched.Terms["even"]);
        Assert.NotSame(previous.Terms["odd"], patched.Terms["odd"]);
        Assert.NotSame(previous.Terms["sleep"], patched.Terms["sleep"]);

        // A patched block is the start of the next edit's; a block whose pages hash alike is kept.
        var edited3 = after.Select((page, i) => i == 3 ? P(3, "Dreams only.") : page).ToList();
        AssertSameAsWhole(PostingBlock.Of(edited3, 0, patched), edited3, 0);
        Assert.Same(patched, PostingBlock.Of(after.Select((page, i) => i == 7 ? P(7, "Dreams fresh and vivid and long.") : page).ToList(), 0, patched));

        // Two pages swapped, and more edited pages than are patched: the same as merged whole.
        var swapped = after.Select((page, i) => i switch { 2 => after[3], 3 => after[2], _ => page }).ToList();
        AssertSameAsWhole(PostingBlock.Of(swapped, 0, patched), swapped, 0);
        var many = after.Select((page, i) => i % 3 == 0 ? P(i, "Many edits.") : page).ToList();
        AssertSameAsWhole(PostingBlock.Of(many, 0, patched), many, 0);

        // The last block of another place in the index is no start: its ids are other ids.
        var elsewhere = PostingBlock.Of(after, 256, previous);
        AssertSameAsWhole(elsewhere, after, 256);
        Assert.NotSame(previous.Terms["number3"], elsewhere.Terms["number3"]);
    }

    [Fact]
    public void A_large_chunk_is_split_by_one_more_letter_and_small_terms_keep_the_short_key()
    {
        // 10,001 sections each with "receptor", "response" and "re": 30,003 postings under "re",
        // more than the 20,000 a chunk may hold, so "rec" and "res" get chunks of their own.
        var sections = Enumerable.Range(0, 10_001).Select(i => new PageSection($"s{i}", "", "receptor response re")).ToList();
        var chunks = SearchChunks.Build([Page(Home, sections)]);
        Assert.Equal(["ho", "re", "rec", "res"], chunks.Select(c => c.Key));
        Assert.Equal(["home", "re", "receptor", "response"], chunks.Select(c => c.Terms));
    }

    [Fact]
    public void The_manifest_carries_the_whole_index_statistics_and_every_chunk()
    {
        var pages = TwoPages();
        var chunks = SearchChunks.Build(pages);
        var script = System.Text.Encoding.UTF8.GetString(SearchIndexWriter.Manifest(pages, chunks,
            SearchIndexWriter.Abbreviations([new LdnSite.Data.GlossaryTerm { Term = "Multiple sclerosis", Definition = "x", Aliases = ["MS", "multiple sclerosis (MS)"] }])));

        Assert.StartsWith("window.LDN_SEARCH_MANIFEST=", script);
        Assert.EndsWith(";\n", script);
        var json = JsonDocument.Parse(script["window.LDN_SEARCH_MANIFEST=".Length..^2]).RootElement;
        Assert.Equal(2, json.GetProperty("documentCount").GetInt32());
        // Titles "Home", "Safety": 1 and 1; headings "" and "Side effects": 1 and 2; texts 4 and 3.
        Assert.Equal([1.0, 1.5, 3.5], json.GetProperty("averageFieldLength").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("sleep", json.GetProperty("chunks").GetProperty("sl")[1].GetString());
        Assert.StartsWith("assets/search/chunk.", json.GetProperty("chunks").GetProperty("sl")[0].GetString());
        Assert.Contains("the", json.GetProperty("stopWords").EnumerateArray().Select(e => e.GetString()));
        // Only short capitalised aliases are abbreviations readers search by.
        Assert.Equal("{\"ms\":\"multiple sclerosis\"}", json.GetProperty("abbreviations").GetRawText());
        Assert.Equal(2, json.GetProperty("pages").GetInt32());
    }

    [Theory]
    [InlineData(TextPacking.Plain)]
    [InlineData(TextPacking.Compressed)]
    public void A_results_file_holds_what_a_result_shows(TextPacking packing)
    {
        var pages = TwoPages(packing);
        var script = new System.Buffers.ArrayBufferWriter<byte>(4);
        SearchIndexWriter.WritePageScript(1, pages[1].Entry, script);
        Assert.Equal("LDN_SEARCH_PAGE(1,[\"Safety\",\"safety/index.html\",[[\"Side effects\",\"side\",\"Vivid dreams.\"]]]);\n", System.Text.Encoding.UTF8.GetString(script.WrittenSpan));
    }
}
