namespace LdnSite.Tests.Safety;

using System.Diagnostics;
using System.Text;
using LdnSite.Engine.Diagnostics;
using LdnSite.Build;

/// <summary>
/// Generated pathological pages: each either builds completely or fails with its diagnostic,
/// within a time bound, and never truncates a page silently.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PathologicalPageTests
{
    private const string FrontMatter = "---\ntitle: Odd page\ndescription: A generated page.\n---\n\n";

    /// <summary>Page bytes, and the code it must fail with ("" when it must build, then containing the marker).</summary>
    private static readonly Dictionary<string, (Func<byte[]> Bytes, string Code, string Marker)> Pages = new()
    {
        ["5 MB of paragraphs builds whole"] = (() => Text(FrontMatter + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"Paragraph {i} says something about low dose naltrexone and more.\n\n")) + "THE-END-MARKER\n"), "", "THE-END-MARKER"),
        ["a 1 MB line builds whole"] = (() => Text(FrontMatter + new string('a', 1024 * 1024) + " THE-END-MARKER\n"), "", "THE-END-MARKER"),
        ["a table of 5,000 rows builds whole"] = (() => Text(FrontMatter + "| a | b |\n| - | - |\n" + string.Concat(Enumerable.Range(0, 5_000).Select(i => $"| {i} | row |\n")) + "\nTHE-END-MARKER\n"), "", "THE-END-MARKER"),
        ["deeply nested lists fail"] = (() => Text(FrontMatter + string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- item\n"))), "LDN012", ""),
        ["deeply nested quotes fail"] = (() => Text(FrontMatter + new string('>', 5_000) + " x\n"), "LDN012", ""),
        ["10,000 nested brackets build"] = (() => Text(FrontMatter + new string('[', 10_000) + "x" + new string(']', 10_000) + " THE-END-MARKER\n"), "", "THE-END-MARKER"),
        ["10,000 nested emphasis markers fail"] = (() => Text(FrontMatter + new string('*', 10_000) + "x" + new string('*', 10_000) + " THE-END-MARKER\n"), "LDN012", ""),
        ["invalid UTF-8 fails at its line"] = (() => [.. Encoding.UTF8.GetBytes(FrontMatter + "good line\n"), 0xC0, 0x80, (byte)'\n'], "LDN011", ""),
        ["a NUL character builds"] = (() => Text(FrontMatter + "before\0after THE-END-MARKER\n"), "", "THE-END-MARKER"),
        ["a byte order mark builds"] = (() => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(FrontMatter + "THE-END-MARKER\n")], "", "THE-END-MARKER"),
        ["CRLF line ends build"] = (() => Text((FrontMatter + "## Heading\n\nTHE-END-MARKER\n").Replace("\n", "\r\n")), "", "THE-END-MARKER"),
        ["right-to-left text builds"] = (() => Text(FrontMatter + "النالتريكسون بجرعة منخفضة \u202Eevil\u202C THE-END-MARKER\n"), "", "THE-END-MARKER"),
        // Markdig's link and autolink parsers are quadratic in a paragraph: 100,000 took a minute or more.
        ["100,000 unclosed links fail at once"] = (() => Text(FrontMatter + string.Concat(Enumerable.Repeat("[a](b", 100_000)) + "\n"), "LDN015", ""),
        ["50,000 bare web addresses fail at once"] = (() => Text(FrontMatter + string.Concat(Enumerable.Repeat("https://a.example/x ", 50_000)) + "\n"), "LDN015", ""),
        ["5,000 links in one paragraph build"] = (() => Text(FrontMatter + string.Concat(Enumerable.Repeat("[a](b", 5_000)) + " THE-END-MARKER\n"), "", "THE-END-MARKER"),
        ["a page over 8 MB fails"] = (() => Text(FrontMatter + new string('x', 9 * 1024 * 1024)), "LDN010", ""),
    };

    /// <summary>The names of every page.</summary>
    public static TheoryData<string> Names() => new(Pages.Keys);

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Pathological_page_builds_or_fails_cleanly_within_a_bound(string name)
    {
        var (bytes, code, marker) = Pages[name];
        using var site = new HostileSite();
        File.WriteAllBytes(site["input/odd.md"], bytes());

        var clock = Stopwatch.StartNew();
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{name} took {clock.Elapsed}");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "LDN900");

        if (code.Length > 0)
        {
            Assert.Contains(result.Diagnostics, d => d.Code == code && d.Severity == Severity.Error && d.Path == "odd.md" && d.Line > 0);
            return;
        }

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var html = File.ReadAllText(site["output/odd/index.html"]);
        Assert.Contains(marker, html);
        // The page is complete: the layout's closing tags follow the content.
        Assert.EndsWith("</html>", html.TrimEnd());
    }
}
