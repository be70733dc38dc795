namespace LdnSite.Tests.Safety;

using AngleSharp.Html.Parser;
using LdnSite.Engine.Diagnostics;
using LdnSite.Tests.Support;

/// <summary>
/// Hostile and careless inputs, each against a freshly built site. For every case: the exit
/// code, the diagnostic code with its file (and line where it has one), that nothing outside
/// the output folder changed, that a failed build left the previous output byte for byte, and
/// that no script, event handler or javascript: URL reached the output.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HostileInputTests
{
    /// <summary>One attack: how to set it up, which settings to build with, and how it must end.</summary>
    public sealed record Case(Action<HostileSite> Arrange, int ExitCode, string Code, string? File = null, int Line = 0, Func<HostileSite, SiteSettings>? Settings = null, string[]? Arguments = null);

    private const string Body = "---\ntitle: Attack\ndescription: A hostile page.\n---\n\n";

    // The theme's share image is published under a content-hashed name; an input file of that name clashes with it.
    private static readonly string ThemeStylesheet = Assets.AssetNames.ForFile("assets/images/share.png", Path.Combine(RepositoryPaths.Theme, "assets", "images", "share.png"));

    private static Case Page(string markdown, int exitCode, string code, int line = 6) =>
        new(site => site.Write("input/attack.md", Body + markdown + "\n"), exitCode, code, "attack.md", line);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Paths are confined: names that would escape or collide.
        ["a page named '...md' is skipped, not written above the output"] = new(s => s.Write("input/...md", Body + "x"), 0, "LDN080", "...md"),
        ["a.md and a/index.md claim one page"] = new(s => { s.Write("input/a.md", Body + "a"); s.Write("input/a/index.md", Body + "b"); }, 1, "LDN111"),
        ["X.md and x.md differ only in case"] = new(s => { s.Write("input/X.md", Body + "a"); s.Write("input/x.md", Body + "b"); }, 1, "LDN111"),
        ["an input file clashes with the generated robots.txt"] = new(s => s.Write("input/robots.txt", "User-agent: *\nDisallow: /"), 1, "LDN111", "robots.txt"),
        ["an input file named like a theme asset is in the site's assets folder"] = new(s => s.Write("input/" + ThemeStylesheet, "body{}"), 1, "LDN113", ThemeStylesheet),
        ["a file is another page's folder"] = new(s => { s.Write("input/chart.png", "x"); s.Write("input/chart.png.md", Body + "x"); }, 1, "LDN112", "chart.png"),

        // Only content is published.
        ["a symlink to /etc/passwd is not published"] = new(s => File.CreateSymbolicLink(s["input/p.txt"], "/etc/passwd"), 0, "LDN080", "p.txt"),
        ["a symlinked folder outside the input is not published"] = new(s => Directory.CreateSymbolicLink(s["input/etc"], "/etc"), 0, "LDN080", "etc/"),
        ["a symlink loop is reported"] = new(s => Directory.CreateSymbolicLink(s["input/loop"], s["input"]), 0, "LDN080", "loop/"),
        ["a dotfile (.env) is not published"] = new(s => s.Write("input/.env", "SECRET=1"), 0, "LDN080", ".env"),
        ["a dot-folder (.git) is not published"] = new(s => s.Write("input/.git/config", "[core]"), 0, "LDN080", ".git/"),
        ["an editor backup is not published"] = new(s => s.Write("input/safety.md~", "old"), 0, "LDN080", "safety.md~"),
        ["a .bak file is not published"] = new(s => s.Write("input/notes.bak", "old"), 0, "LDN080", "notes.bak"),
        ["a swap file is not published"] = new(s => s.Write("input/.safety.md.swp", "x"), 0, "LDN080", ".safety.md.swp"),
        ["a file name with a quote is not published"] = new(s => s.Write("input/a\"b.png", "x"), 0, "LDN080", "a\"b.png"),

        ["an HTML file beside the pages is not published"] = new(s => s.Write("input/evil.html", "<script>alert(1)</script>"), 0, "LDN080", "evil.html"),
        ["a script beside the pages is not published"] = new(s => s.Write("input/x.js", "alert(1)"), 0, "LDN080", "x.js"),
        ["an SVG with onload is not published"] = new(s => s.Write("input/a.svg", "<svg onload=\"alert(1)\"/>"), 0, "LDN080", "a.svg"),
        ["a _redirects file is not published"] = new(s => s.Write("input/_redirects", "/* https://evil.example/:splat 301!"), 0, "LDN080", "_redirects"),
        ["a _headers file is not published"] = new(s => s.Write("input/_headers", "/*\n  Content-Security-Policy: default-src *"), 0, "LDN080", "_headers"),
        ["a page named like a javascript: address is not published"] = new(s => s.Write("input/javascript:alert(1).md", Body + "x"), 0, "LDN080", "javascript:alert(1).md"),
        ["a name with a right-to-left override is not published"] = new(s => s.Write("input/gnp.\u202Eexe.png", "x"), 0, "LDN080"),
        ["a reserved Windows name is not published"] = new(s => s.Write("input/CON.txt", "x"), 0, "LDN080", "CON.txt"),
        ["a named pipe never hangs the build"] = new(s => Mkfifo(s["input/pipe.md"]), 0, "LDN080", "pipe.md"),
        ["50,000 headings fail within seconds"] = Page(string.Concat(Enumerable.Repeat("## H\n", 50_000)), 1, "LDN015", 1),
        ["20,000 nested divs fail within seconds"] = Page(string.Concat(Enumerable.Repeat("<div>", 20_000)) + "x", 1, "LDN015", 1),
        ["an author id that hijacks a reference is removed"] = Page("<div id=\"ref-1\">fake study</div>", 0, "LDN032"),
        ["a {#main} id on a paragraph is removed"] = Page("Text.\n{#main}", 0, "LDN032"),
        ["a remote image in raw HTML is removed"] = Page("<img src=\"https://tracker.example/p.gif\" alt=\"x\">", 0, "LDN032"),
        ["a title with a line break is refused on one line"] = new(s => s.Write("input/attack.md", "---\ntitle: \"A\\n::error::injected\"\ndescription: B.\n---\n\nText.\n"), 1, "LDN004", "attack.md", 2),
        ["a review date far in the future is refused"] = new(s => s.Write("input/attack.md", "---\ntitle: A\ndescription: B.\nlast_reviewed: 9999-12-31\nreview_interval_months: 12\n---\n\nText.\n"), 1, "LDN006", "attack.md", 4),
        ["text inside a studies list is an error"] = Page("::: studies crohns\nlost words\n:::", 1, "LDN047"),
        ["an unknown ::: block is an error, not a silent empty box"] = Page("::: word\nSome text.\n:::", 1, "LDN047"),
        ["a citation with a space is an error, not literal text beside the claim"] = Page("A claim [@smith 2007].", 1, "LDN031"),
        ["a citation with a page number is an error"] = Page("A claim [@smith2007, p. 4].", 1, "LDN031"),
        ["a misspelt ::: studies is an error"] = Page("::: STUDIES crohns\n:::", 1, "LDN047"),
        ["--output through a symbolic link keeps the folder beside it"] = new(s => { s.Write("real/keep.txt", "x"); Directory.CreateSymbolicLink(s["link"], s["output"]); s.Write("link.staging/mine.txt", "precious"); }, 0, "", Settings: s => s.Settings with { OutputFolder = s["link"] }),

        ["a staging folder that is a link to an empty folder in the input is refused"] = new(s => { if (Directory.Exists(s["output.staging"])) { Directory.Delete(s["output.staging"], recursive: true); } Directory.CreateDirectory(s["input/notes"]); Directory.CreateSymbolicLink(s["output.staging"], s["input/notes"]); }, 1, "LDN103"),

        // Options and folders.
        ["--output equal to --input is refused"] = new(_ => { }, 1, "LDN103", Settings: s => s.Settings with { OutputFolder = s["input"] }),
        ["--output inside --input is refused"] = new(_ => { }, 1, "LDN103", Settings: s => s.Settings with { OutputFolder = s["input/site"] }),
        ["--output holding the input is refused"] = new(_ => { }, 1, "LDN103", Settings: s => s.Settings with { OutputFolder = s.Root }),
        ["--output equal to the theme is refused"] = new(_ => { }, 1, "LDN103", Settings: s => s.Settings with { ThemeFolder = s.CopyTheme(), OutputFolder = s["theme"] }),
        ["--output on a folder of someone else's files is refused"] = new(s => s.Write("mine/keep.txt", "precious"), 1, "LDN103", Settings: s => s.Settings with { OutputFolder = s["mine"] }),
        ["--output that is a file is refused"] = new(s => s.Write("file.txt", "precious"), 1, "LDN103", Settings: s => s.Settings with { OutputFolder = s["file.txt"] }),
        ["a misspelt --input is an error, not an empty site"] = new(_ => { }, 1, "LDN101", Settings: s => s.Settings with { InputFolder = s["inptu"] }),
        ["a missing --theme is an error"] = new(_ => { }, 1, "LDN102", Settings: s => s.Settings with { ThemeFolder = s["no-theme"] }),
        ["a javascript: --base-url is refused"] = new(_ => { }, 1, "LDN104", Settings: s => s.Settings with { BaseUrl = "javascript:alert(1)//" }),
        ["a --base-url with a query is refused"] = new(_ => { }, 1, "LDN104", Settings: s => s.Settings with { BaseUrl = "https://x.example/?\"><script>alert(1)</script>" }),

        // Raw HTML and URLs are sanitised, each removal reported at its line.
        ["a script block"] = Page("<script>alert(1)</script>", 0, "LDN032"),
        ["an inline image with onerror"] = Page("Text <img src=x onerror=alert(1)> more.", 0, "LDN032"),
        ["an iframe"] = Page("<iframe src=\"https://evil.example/\"></iframe>", 0, "LDN032"),
        ["an svg with onload"] = Page("<svg onload=alert(1)></svg>", 0, "LDN032"),
        ["a form"] = Page("<form action=\"https://evil.example/\"><input name=q></form>", 0, "LDN032"),
        ["a base element"] = Page("<base href=\"https://evil.example/\">", 0, "LDN032"),
        ["a meta refresh"] = Page("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">", 0, "LDN032"),
        ["a style element"] = Page("<style>body{display:none}</style>", 0, "LDN032"),
        ["a script hidden after a comment"] = Page("<!-- --><script>alert(1)</script> -->", 0, "LDN032"),
        ["an HTML link to javascript:"] = Page("<a href=\"javascript:alert(1)\">x</a>", 0, "LDN032"),
        ["a Markdown link to javascript:"] = Page("[x](javascript:alert(1))", 0, "LDN032"),
        ["a Markdown link to JavaScript: with entities"] = Page("[x](&#106;avascript:alert(1))", 0, "LDN032"),
        ["an autolink to javascript:"] = Page("<javascript:alert(1)>", 0, "LDN032"),
        ["a data: link"] = Page("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", 0, "LDN032"),
        ["a vbscript: link"] = Page("[x](vbscript:msgbox(1))", 0, "LDN032"),
        ["a heading id with an event handler reaches neither the heading nor the table of contents"] = Page("## Details {#x\"autofocus/onfocus=alert(1)//}\n\nText.\n\n## More\n\nText.", 0, "LDN032"),
        ["an on* attribute through {…}"] = Page("## Heading {onclick=alert(1)}", 0, "LDN032"),
        ["under --strict a removal is an error"] = new(s => s.Write("input/attack.md", Body + "<script>alert(1)</script>\n"), 1, "LDN032", "attack.md", 6, s => s.Settings with { Strict = true }, ["--strict"]),

        // Everything the build emits is encoded.
        ["a reference title with a quote and a script"] = new(s => s.Write("input/_data/references.yaml", HostileSite.References.Replace("title: A study", "title: 'A \"><script>alert(1)</script> study'")), 0, ""),
        ["a glossary definition with a script"] = new(s => s.Write("input/_data/glossary.yaml", "- term: claim\n  definition: '<script>alert(1)</script><img src=x onerror=alert(1)>'\n"), 0, ""),
        ["a title that closes the title element"] = new(s => s.Write("input/attack.md", "---\ntitle: '</title><script>alert(1)</script>'\ndescription: '\"><img src=x onerror=alert(1)>'\n---\n\nText [@smith2007].\n"), 0, ""),

        // Failures are diagnostics with limits, never a crash or a hang.
        ["10,000 nested block quotes"] = Page(new string('>', 10_000) + " deep", 1, "LDN012"),
        ["10,000 nested list markers"] = Page(string.Concat(Enumerable.Repeat("- ", 10_000)) + "deep", 1, "LDN012"),
        ["a huge review interval"] = new(s => s.Write("input/attack.md", "---\ntitle: A\ndescription: B.\nlast_reviewed: 2026-01-01\nreview_interval_months: 2000000000\n---\n\nText.\n"), 1, "LDN007", "attack.md", 5),
        ["invalid UTF-8"] = new(s => File.WriteAllBytes(s["input/attack.md"], [.. "---\ntitle: A\ndescription: B.\n---\n\nline six \xff\n"u8.ToArray().Where(b => b != 0xC3), 0xFF, 0xFE, (byte)'\n']), 1, "LDN011", "attack.md"),
        ["a page over the size limit"] = new(s => s.Write("input/attack.md", Body + new string('x', 9 * 1024 * 1024)), 1, "LDN010", "attack.md", 1),
        ["a template that loops forever"] = new(s => { var theme = s.CopyTheme(); File.AppendAllText(Path.Combine(theme, "layouts", "page.html"), "{{ while true }}{{ end }}"); }, 1, "LDN052", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        ["a template that recurses forever"] = new(s => { var theme = s.CopyTheme(); File.AppendAllText(Path.Combine(theme, "layouts", "page.html"), "{{ func f; f; end; f }}"); }, 1, "LDN052", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        ["a template that includes a file outside the theme's partials"] = new(s => { var theme = s.CopyTheme(); s.Write("secret.html", "SECRET"); File.AppendAllText(Path.Combine(theme, "layouts", "page.html"), "{{ include '../../../secret' }}"); }, 1, "LDN052", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        ["a theme's catastrophic regular expression in a loop is a theme error, not hours"] = new(s => { var theme = s.CopyTheme(); File.AppendAllText(Path.Combine(theme, "layouts", "page.html"), "{{ for i in 1..1000 }}{{ regex.match 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!' '^(a+)+$' }}{{ end }}"); }, 1, "LDN052", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        ["a partial that includes itself"] = new(s => { var theme = s.CopyTheme(); File.WriteAllText(Path.Combine(theme, "layouts", "partials", "loop.html"), "x{{ include 'loop' }}"); File.AppendAllText(Path.Combine(theme, "layouts", "page.html"), "{{ include 'loop' }}"); }, 1, "LDN052", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        ["a theme script with a syntax error is published unminified with a warning"] = new(s => { var theme = s.CopyTheme(); File.AppendAllText(Path.Combine(theme, "assets", "js", "site.js"), "\nfunction broken( {\n"); }, 0, "LDN053", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        ["a menu partial that reads a variable it is not given is a theme error"] = new(s => { var theme = s.CopyTheme(); File.WriteAllText(Path.Combine(theme, "layouts", "partials", "site_nav.html"), "<ul>{{ page.title }}</ul>"); }, 1, "LDN052", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        ["a theme from before the menu partial still builds"] = new(s => s.ThemeBefore("site_nav", "partials/header.html",
            ("{{ site.nav_html }}", "<ul>{{ for item in site.nav }}<li><a href=\"{{ item.url }}\">{{ item.title | html.escape }}</a></li>{{ end }}</ul>")), 0, "", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        ["a source card partial that reads a variable it is not given is a theme error"] = new(s => { var theme = s.CopyTheme(); File.AppendAllText(Path.Combine(theme, "layouts", "partials", "study_facts.html"), "{{ page.title }}"); }, 1, "LDN052", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        ["a back-links partial that reads a field it is not given is a theme error"] = new(s => { var theme = s.CopyTheme(); File.AppendAllText(Path.Combine(theme, "layouts", "partials", "back_links.html"), "{{ ref.key }}"); }, 1, "LDN052", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        ["a theme from before the card and back-links partials still builds"] = new(s => s.ThemeBefore("back_links", "partials/references.html",
            ("{{ ref.card }}", "{{~ facts = ref.facts ~}}\n{{ include 'study_facts' }}"),
            ("{{ ref.back_links_html }}", "<p class=\"back-links\">{{ for back in ref.back_links }}<a href=\"#{{ back.id }}\">{{ back.label }}</a>{{ end }}</p>")), 0, "", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        ["more glossary terms than search holds is an error at the first one too many"] = new(
            s => s.Write("input/_data/glossary.yaml", string.Concat(Enumerable.Range(0, 65_537).Select(i => $"- term: g{i:D5}\n  definition: Term {i}.\n"))), 1, "LDN048", "_data/glossary.yaml", (65_536 * 2) + 1),
        // '$' matches before a final newline in .NET: every pattern ends in \z.
        ["a redirect_from address ending in a newline cannot write a second _redirects rule"] = new(s => s.Write("input/attack.md", "---\ntitle: A\ndescription: B.\nredirect_from: [\"/old\\n\"]\n---\n\nText [@smith2007].\n"), 1, "LDN013", "attack.md"),
        ["a PMID ending in a newline is refused"] = new(s => s.Write("input/_data/references.yaml", HostileSite.References.Replace("pmid: \"17222320\"", "pmid: \"17222320\\n\"", StringComparison.Ordinal)), 1, "LDN041", "_data/references.yaml"),
        ["two pages claiming one old address is an error"] = new(s => { s.Write("input/one.md", "---\ntitle: One\ndescription: B.\nredirect_from: [/old/]\n---\n\nText [@smith2007].\n"); s.Write("input/two.md", "---\ntitle: Two\ndescription: B.\nredirect_from: [/old/]\n---\n\nText [@smith2007].\n"); }, 1, "LDN014", "two.md"),

        // Data files and layouts go through the engine's checked reader.
        ["a named pipe as references.yaml is one error, not a hang"] = new(s => { File.Delete(s["input/_data/references.yaml"]); Mkfifo(s["input/_data/references.yaml"]); }, 1, "LDN016", "_data/references.yaml"),
        ["glossary.yaml linked to /dev/zero is refused before it is read"] = new(s => File.CreateSymbolicLink(s["input/_data/glossary.yaml"], "/dev/zero"), 1, "LDN016", "_data/glossary.yaml"),
        ["references.yaml linked to a file outside the input is not read"] = new(s => { s.Write("elsewhere.yaml", HostileSite.References); File.Delete(s["input/_data/references.yaml"]); File.CreateSymbolicLink(s["input/_data/references.yaml"], s["elsewhere.yaml"]); }, 1, "LDN016", "_data/references.yaml"),
        ["a layout that is a named pipe is one error, not a hang"] = new(s => { var theme = s.CopyTheme(); File.Delete(Path.Combine(theme, "layouts", "partials", "footer.html")); Mkfifo(Path.Combine(theme, "layouts", "partials", "footer.html")); }, 1, "LDN016", "footer.html", Settings: s => s.Settings with { ThemeFolder = s["theme"] }),
        // Second sweep: the site's own classes, roles, folders and ids cannot be taken by content.
        ["a site class or role in raw HTML is removed"] = Page("<p class=\"visually-hidden print-only\">Only screen readers hear this.</p>\n\n<a role=\"doc-noteref\" href=\"#x\">[9]</a> text", 0, "LDN032"),
        ["a site class through {…} is removed"] = Page("A fake study card.\n{.ref__body .print-only}", 0, "LDN032"),
        ["a file in input/assets/ is an error, not a file cached for a year"] = new(s => s.Write("input/assets/chart.png", "x"), 1, "LDN113", "assets/chart.png"),
        ["a page in input/search/ is an error, not a page hidden from search engines"] = new(s => s.Write("input/search/tips.md", Body + "Text [@smith2007].\n"), 1, "LDN113", "search/tips.md"),
        ["an id set twice on a page is reported at the second"] = Page("First.\n{#same}\n\nSecond.\n{#same}", 0, "LDN037", 9),
        ["an id set in raw HTML and by a heading is reported"] = Page("## Details\n\n<span id=\"details\">x</span>", 0, "LDN037", 8),
        ["a citation inside a link's text is an error"] = Page("[see [@smith2007]](https://example.org/)", 1, "LDN038"),
        ["a non-character in a title is an error at its line"] = new(s => s.Write("input/attack.md", "---\ntitle: \"A \\uFFFF title\"\ndescription: B.\n---\n\nText [@smith2007].\n"), 1, "LDN004", "attack.md", 2),
        ["--output under a file is a folder error, not an unexpected failure"] = new(s => s.Write("file.txt", "precious"), 1, "LDN103", Settings: s => s.Settings with { OutputFolder = s["file.txt/site"] }),

        ["a page 1,900 folders deep fails in seconds, not minutes"] = new(s => { var deep = Path.Combine([s["input"], .. Enumerable.Repeat("a", 1_900)]); Directory.CreateDirectory(deep); File.WriteAllText(Path.Combine(deep, "p.md"), Body + "Text [@smith2007].\n"); }, 1, "LDN110"),
        ["--output where no folder may be made is a folder error, not an unexpected failure"] = new(_ => { }, 1, "LDN103", Settings: s => s.Settings with { OutputFolder = "/sys/ldnsite-hostile-output" }),
        ["a broken references file does not hide page errors"] = new(s => { s.Write("input/_data/references.yaml", "- key: [unclosed\n"); s.Write("input/attack.md", Body + "[x](missing.md)\n"); }, 1, "LDN025", "attack.md", 6),
    };

    private static void Mkfifo(string path) => HostileSite.Mkfifo(path);

    /// <summary>The names of every case.</summary>
    public static TheoryData<string> Names() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Hostile_input_ends_cleanly(string name)
    {
        var hostile = Cases[name];
        using var site = new HostileSite();
        hostile.Arrange(site);
        var settings = hostile.Settings?.Invoke(site) ?? site.Settings;
        var before = site.Hashes();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (exitCode, diagnostics) = await site.BuildAsync(settings, hostile.Arguments ?? []);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{name}: took {clock.Elapsed}");

        Assert.Equal(hostile.ExitCode, exitCode);
        if (hostile.Code.Length > 0)
        {
            var found = diagnostics.Where(d => d.Code == hostile.Code).ToList();
            Assert.True(found.Count > 0, $"{name}: expected {hostile.Code}, got:\n{string.Join("\n", diagnostics)}");
            Assert.Equal(hostile.ExitCode == 0 ? Severity.Warning : Severity.Error, found[0].Severity);
            if (hostile.File is { } file)
            {
                Assert.Contains(found, d => d.Path.Replace('\\', '/').EndsWith(file, StringComparison.Ordinal));
            }

            if (hostile.Line > 0)
            {
                Assert.Contains(found, d => d.Line == hostile.Line);
            }
        }
        else
        {
            Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        }

        Assert.DoesNotContain(diagnostics, d => d.Code == "LDN900");
        var after = site.Hashes();
        static bool Outside(string path) => !path.StartsWith("output/", StringComparison.Ordinal) && !path.StartsWith("output.staging/", StringComparison.Ordinal);
        if (exitCode == 0)
        {
            Assert.Equal(before.Where(h => Outside(h.Key)), after.Where(h => Outside(h.Key)));
        }
        else
        {
            // A failed build changes nothing at all: not the previous output, not any other file.
            Assert.Equal(before, after);
        }

        AssertNoScript(site["output"]);
    }

    /// <summary>Fails when any page has script the site did not put there, an event handler or a script URL.</summary>
    internal static void AssertNoScript(string output)
    {
        var parser = new HtmlParser();
        foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("vbscript:", text, StringComparison.OrdinalIgnoreCase);
            var document = parser.ParseDocument(text);
            foreach (var script in document.QuerySelectorAll("script"))
            {
                var src = script.GetAttribute("src");
                Assert.True(src is not null ? System.Text.RegularExpressions.Regex.IsMatch(src, @"assets/js/site\.[0-9a-f]{10}\.js$") : script.GetAttribute("type") == "application/ld+json", $"{file}: {script.OuterHtml}");
            }

            foreach (var element in document.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(element.Attributes, a => a.Name is "href" or "src" && a.Value.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase));
            }

            // The one form is the site's own search box.
            Assert.Empty(document.QuerySelectorAll("iframe, object, embed, form:not(.search), base, style, meta[http-equiv]"));
        }
    }
}
