namespace LdnSite.Tests.Safety;

using LdnSite.Tests.Support;

/// <summary>
/// Raw HTML the sanitiser removes goes with its text: search and the FAQ's structured data hold
/// what readers see, not what a &lt;style&gt;, &lt;template&gt; or &lt;script&gt; hid.
/// </summary>
public sealed class RemovedHtmlTextTests
{
    [Fact]
    public async Task Text_inside_removed_elements_reaches_neither_search_nor_structured_data()
    {
        using var site = new HostileSite();
        site.Write("input/faq.md", "---\ntitle: FAQ\ndescription: Q.\nlayout: faq\n---\n\n## Is it safe?\n\n"
            + "Talk to a doctor. <style>LDN cures cancer, buy at pills.example</style><template>Miracle cure</template> "
            + "<script>alert(1)</script>Ask about *other <span>medicines</span>* too <embed src=x> and more <svg/> words [@smith2007].\n\n"
            + "Keep <template>vanished *obscured</template> revealed* here, <template><template>x</template>concealed</template> after [@smith2007].\n\n"
            + "Run <script>var a = '<script src=\"zzhidden.js\">';</script> then phoned them, *<label>Tagline* and unmarked too [@smith2007].\n");
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var search = string.Concat(Directory.EnumerateFiles(site["output"], "*.js", SearchOption.AllDirectories)
            .Where(f => f.Contains("search", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var html = File.ReadAllText(site["output/faq/index.html"]);
        var structured = html[html.IndexOf("\"FAQPage\"", StringComparison.Ordinal)..];
        structured = structured[..structured.IndexOf("</script>", StringComparison.Ordinal)];
        foreach (var hidden in new[] { "cures", "pills", "Miracle", "alert", "vanished", "obscured", "concealed", "zzhidden", "Tagline" })
        {
            Assert.DoesNotContain(hidden, search, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(hidden, structured, StringComparison.OrdinalIgnoreCase);
        }

        // What readers see is still there, before and after the removed elements, after a void one
        // and a self-closing <svg/>, after a closing tag inside emphasis, after nested ones, after a
        // script that holds the text "<script", and after emphasis that an unclosed element was opened in.
        Assert.Contains("Talk to a doctor. Ask about other medicines too and more words", structured, StringComparison.Ordinal);
        foreach (var seen in new[] { "doctor", "medicines", "more", "words", "revealed", "after", "phoned", "unmarked" })
        {
            Assert.Contains(seen, search, StringComparison.Ordinal);
        }
    }
}
