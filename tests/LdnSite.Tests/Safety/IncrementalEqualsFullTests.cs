namespace LdnSite.Tests.Safety;

using LdnSite.Tests.Support;
using LdnSite.Build;

/// <summary>
/// The dev server's incremental rebuilds must give exactly what a fresh full build gives: random
/// sequences of edits (pages added, changed, renamed, deleted and broken; references, glossary
/// and linked files changed) are applied one by one, and after each one the incremental build's
/// output and diagnostics are compared with a full build of the same files.
/// </summary>
[Trait("Category", "Slow")]
public sealed class IncrementalEqualsFullTests
{
    private const int Sequences = 30;
    private const int StepsPerSequence = 10;

    private static readonly string[] Keys = ["smith2007", "cree2010", "younger2014"];

    [Fact]
    public async Task A_rebuild_writes_a_page_whose_folder_was_removed_from_the_output()
    {
        // A rebuild skips creating the folders of files it wrote before; one deleted meanwhile
        // (by hand, or by another tool) is made again rather than failing the page.
        using var temp = new TempFolder();
        var build = await TwoPagesBuiltOnce(temp);
        Directory.Delete(temp["output/safety"], recursive: true);
        temp.Write("input/safety.md", TestSites.Page("Safety", "Second."));
        var result = await build.RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("Second.", File.ReadAllText(temp["output/safety/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_after_the_output_folder_was_removed_writes_every_file_again()
    {
        // The dev server remembers what it wrote so a rebuild skips unchanged files; when the
        // output folder is gone (removed by hand, or a failed first build's staging thrown away),
        // that memory is wrong, and a rebuild that trusted it published a site of changed files only.
        using var temp = new TempFolder();
        var build = await TwoPagesBuiltOnce(temp);
        var files = HostileSite.Files(temp["output"]).Select(f => Path.GetRelativePath(temp["output"], f)).Order().ToList();

        Directory.Delete(temp["output"], recursive: true);
        var result = await build.RunAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(files, HostileSite.Files(temp["output"]).Select(f => Path.GetRelativePath(temp["output"], f)).Order());
        Assert.Contains("First.", File.ReadAllText(temp["output/safety/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_publishes_a_folder_where_a_file_of_the_same_name_was_and_the_other_way_round()
    {
        // The old file (or the folder it leaves empty) is removed before the new one is written:
        // written first, the new one failed, and so did every later rebuild of the dev server.
        using var temp = new TempFolder();
        var build = await TwoPagesBuiltOnce(temp);
        temp.Write("input/files/leaflet.pdf", "%PDF-1.4 one");
        Assert.True((await build.RunAsync()).Succeeded);

        File.Delete(temp["input/files/leaflet.pdf"]);
        temp.Write("input/files/leaflet.pdf/page.pdf", "%PDF-1.4 two");
        var folder = await build.RunAsync();
        Assert.True(folder.Succeeded, string.Join("\n", folder.Diagnostics));
        Assert.Equal("%PDF-1.4 two", File.ReadAllText(temp["output/files/leaflet.pdf/page.pdf"]));

        Directory.Delete(temp["input/files/leaflet.pdf"], recursive: true);
        temp.Write("input/files/leaflet.pdf", "%PDF-1.4 three");
        var file = await build.RunAsync();
        Assert.True(file.Succeeded, string.Join("\n", file.Diagnostics));
        Assert.Equal("%PDF-1.4 three", File.ReadAllText(temp["output/files/leaflet.pdf"]));

        // A folder emptied by a removed file goes too, as a full build would not make it.
        File.Delete(temp["input/files/leaflet.pdf"]);
        Assert.True((await build.RunAsync()).Succeeded);
        Assert.False(Directory.Exists(temp["output/files"]));
    }

    // A home page and a safety page reading "First.", built once by a rebuilding engine.
    private static async Task<SiteBuild> TwoPagesBuiltOnce(TempFolder temp)
    {
        temp.Write("input/index.md", TestSites.Page("Home"));
        temp.Write("input/safety.md", TestSites.Page("Safety", "First."));
        var build = new SiteBuild(TestSites.Settings(temp["input"], temp["output"]), incremental: true);
        Assert.True((await build.RunAsync()).Succeeded);
        return build;
    }

    [Fact]
    public async Task A_rebuild_sees_an_edit_to_the_file_a_linked_page_points_to()
    {
        // The page is a symbolic link (allowed: its target is inside the input folder, in a '_'
        // folder that is not published itself). Its key must follow the link: the link's own time
        // never changes when the target is edited.
        using var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        var target = temp.Write("input/_drafts/safety.md", TestSites.Page("Safety", "First."));
        File.CreateSymbolicLink(temp["input/safety.md"], target);
        var longAgo = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in new[] { temp["input/index.md"], target })
        {
            File.SetLastWriteTimeUtc(file, longAgo);
        }

        // The link's own time too (File.SetLastWriteTimeUtc would follow it), so that no file is
        // recent enough to be keyed by its text.
        using (var touch = System.Diagnostics.Process.Start("touch", ["-h", "-d", "2020-01-01 00:00:00Z", temp["input/safety.md"]])!)
        {
            touch.WaitForExit();
        }

        var build = new SiteBuild(TestSites.Settings(temp["input"], temp["output"]), incremental: true);
        Assert.True((await build.RunAsync()).Succeeded);
        File.WriteAllText(target, TestSites.Page("Safety", "Second, longer."));
        // Dated in the past, so the stamp (not the text) is what the key is made of.
        File.SetLastWriteTimeUtc(target, longAgo.AddHours(1));

        var result = await build.RunAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("Second, longer.", File.ReadAllText(temp["output/safety/index.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_whose_layout_failed_fails_the_rebuild_too()
    {
        // A template error (here a layout that loops past the limit on one page's title) must not
        // be remembered as an empty page that a later rebuild writes without the error.
        using var temp = new TempFolder();
        temp.CopyFrom(RepositoryPaths.Theme, "theme");
        const string vendor = "node_modules/minisearch/dist/umd/index.js";
        Directory.CreateDirectory(Path.GetDirectoryName(temp["theme/" + vendor])!);
        File.Copy(Path.Combine(RepositoryPaths.Theme, vendor), temp["theme/" + vendor]);
        var layout = temp["theme/layouts/page.html"];
        File.WriteAllText(layout, "{{ if page.title == \"Broken\"; while true; end; end }}" + File.ReadAllText(layout));
        temp.Write("input/index.md", TestSites.Page("Home"));
        temp.Write("input/broken.md", TestSites.Page("Broken", "First."));
        var build = new SiteBuild(TestSites.Settings(temp["input"], temp["output"], temp["theme"]), incremental: true);

        var first = await build.RunAsync();
        // Nothing changed, so every key is the same: the second build finds the first one's results.
        var second = await build.RunAsync();

        Assert.Contains(first.Diagnostics, d => d.Code == "LDN052");
        Assert.Contains(second.Diagnostics, d => d.Code == "LDN052");
        Assert.False(second.Succeeded);
    }

    [Fact]
    public async Task A_page_dropped_for_an_error_keeps_its_earlier_warnings_in_a_rebuilding_engine()
    {
        // The placeholder description is a warning (LDN008) found before the Markdown is parsed;
        // the nested emphasis is an error (LDN012) found while it is (Markdig's depth guard). A build that remembers results must
        // report both, as a one-shot build does.
        using var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        temp.Write("input/deep.md", "---\ntitle: Deep\ndescription: TODO say what this page covers.\n---\n\n" + new string('*', 10_000) + "x" + new string('*', 10_000) + "\n");

        var oneShot = await new SiteBuild(TestSites.Settings(temp["input"], temp["full"])).RunAsync();
        var rebuilding = new SiteBuild(TestSites.Settings(temp["input"], temp["incremental"]), incremental: true);
        var first = await rebuilding.RunAsync();
        var second = await rebuilding.RunAsync();

        Assert.Equal(["LDN008", "LDN012"], oneShot.Diagnostics.Where(d => d.Path.EndsWith("deep.md", StringComparison.Ordinal)).Select(d => d.Code).Order());
        Assert.Equal(oneShot.Diagnostics.Select(d => d.ToString()), first.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(oneShot.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task Related_pages_follow_each_edit_they_read_in_a_rebuild()
    {
        // The worked example of a cached cross-page fact (ARCHITECTURE.md): each step changes
        // something related pages read, and the rebuild must equal a fresh full build.
        using var temp = new TempFolder();
        temp.Write("input/_data/references.yaml", string.Concat(Keys.Select((k, i) => $"- key: {k}\n  authors: [Author A]\n  title: Study {i}\n  journal: J Test\n  year: {2000 + i}\n  pmid: \"{100 + i}\"\n  design: open-label\n  outcome: Something.\n  conditions: [crohns]\n")));
        static string Page(string title, params string[] keys) =>
            $"---\ntitle: {title}\ndescription: About {title}.\n---\n\n{string.Concat(keys.Select(k => $"A claim [@{k}].\n\n"))}";
        temp.Write("input/index.md", Page("Home", "smith2007"));
        temp.Write("input/a.md", Page("Alpha", "smith2007", "cree2010"));
        temp.Write("input/b.md", Page("Beta", "smith2007", "cree2010"));
        temp.Write("input/c.md", Page("Gamma", "younger2014"));
        // As the dev server builds: the search manifest keeps one name, so a page's layout is
        // rendered again only when what it reads changed, its related pages included.
        var incremental = new SiteBuild(TestSites.Settings(temp["input"], temp["incremental"]) with { LiveReload = true }, incremental: true);
        Assert.True((await incremental.RunAsync()).Succeeded);
        Assert.Contains("<li><a href=\"../b/\">Beta</a></li>", File.ReadAllText(temp["incremental/a/index.html"]), StringComparison.Ordinal);

        (string Edit, Action Apply, string Page, string Shows, string Hides)[] steps =
        [
            ("rename Beta", () => temp.Write("input/b.md", Page("Bravo", "smith2007", "cree2010")), "a", ">Bravo</a>", ">Beta</a>"),
            ("Gamma cites both", () => temp.Write("input/c.md", Page("Gamma", "smith2007", "cree2010", "younger2014")), "a", ">Gamma</a>", "(none)"),
            ("Bravo drops a source", () => temp.Write("input/b.md", Page("Bravo", "smith2007")), "a", ">Gamma</a>", ">Bravo</a>"),
            ("Gamma leaves the menu, Bravo cites both again", () =>
            {
                temp.Write("input/c.md", Page("Gamma", "smith2007", "cree2010").Replace("---\n\n", "hide_from_nav: true\n---\n\n", StringComparison.Ordinal));
                temp.Write("input/b.md", Page("Bravo", "smith2007", "cree2010"));
            }, "a", ">Bravo</a>", ">Gamma</a>"),
        ];
        foreach (var (edit, apply, page, shows, hides) in steps)
        {
            apply();
            var fast = await incremental.RunAsync();
            if (Directory.Exists(temp["full"]))
            {
                Directory.Delete(temp["full"], recursive: true);
            }

            var full = await new SiteBuild(TestSites.Settings(temp["input"], temp["full"]) with { LiveReload = true }).RunAsync();
            Assert.True(fast.Succeeded && full.Succeeded, edit);
            AssertSameFiles(temp["full"], temp["incremental"], edit);
            var html = File.ReadAllText(temp[$"incremental/{page}/index.html"]);
            var start = html.IndexOf("class=\"related\"", StringComparison.Ordinal);
            var related = start < 0 ? "" : html[start..html.IndexOf("</nav>", start, StringComparison.Ordinal)];
            Assert.True(related.Contains(shows, StringComparison.Ordinal), $"{edit}: {page}'s related pages lack {shows}");
            Assert.False(related.Contains(hides, StringComparison.Ordinal), $"{edit}: {page}'s related pages still show {hides}");
        }
    }

    [Fact]
    public async Task Incremental_rebuilds_equal_full_builds_after_random_edits()
    {
        var steps = 0;
        for (var sequence = 0; sequence < Sequences; sequence++)
        {
            var random = new Random(sequence);
            using var temp = new TempFolder();
            var site = new EditableSite(temp, random);
            site.Seed();
            var incremental = new SiteBuild(TestSites.Settings(temp["input"], temp["incremental"]), incremental: true);
            await incremental.RunAsync();

            // The dev server's way: a watcher's journal tells the build what changed, and the
            // build reuses listings and stamps of everything else. Here a perfect watcher: every
            // path whose kind, time or size differs after the edit.
            var journal = new global::LdnSite.Engine.Input.ChangeJournal(temp["input"]);
            var watched = new SiteBuild(TestSites.Settings(temp["input"], temp["watched"]), incremental: true);
            watched.Watch(journal);
            await watched.RunAsync();

            for (var step = 0; step < StepsPerSequence; step++, steps++)
            {
                var before = TreeStamps(temp["input"]);
                var edit = site.RandomEdit();
                if (random.Next(2) == 0)
                {
                    // Files written long ago are keyed by their stamp, recent ones by their text:
                    // dating every file in the past (a different time each step) exercises the first.
                    foreach (var file in HostileSite.Files(temp["input"]))
                    {
                        File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(steps));
                    }
                }

                var fast = await incremental.RunAsync();
                var after = TreeStamps(temp["input"]);
                foreach (var path in before.Keys.Union(after.Keys).Where(p => before.GetValueOrDefault(p) != after.GetValueOrDefault(p)))
                {
                    journal.Changed(path);
                }

                var told = await watched.RunAsync();
                if (Directory.Exists(temp["full"]))
                {
                    Directory.Delete(temp["full"], recursive: true);
                }

                var full = await new SiteBuild(TestSites.Settings(temp["input"], temp["full"])).RunAsync();
                var context = $"sequence {sequence}, step {step}: {edit}";
                Assert.Equal(full.Diagnostics.Select(d => d.ToString()), fast.Diagnostics.Select(d => d.ToString()));
                Assert.Equal(full.Diagnostics.Select(d => d.ToString()), told.Diagnostics.Select(d => d.ToString()));
                if (full.Succeeded)
                {
                    Assert.True(fast.Succeeded, context);
                    Assert.True(told.Succeeded, context);
                    AssertSameFiles(temp["full"], temp["incremental"], context);
                    AssertSameFiles(temp["full"], temp["watched"], context + " (with a watcher)");
                }
            }
        }

        Assert.Equal(Sequences * StepsPerSequence, steps);
    }

    // Every file and folder under the folder with its time and size (folders' times change when
    // their entries do), as a watcher would see them change.
    private static Dictionary<string, (long Ticks, long Length)> TreeStamps(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(p => p, p => File.Exists(p) ? (File.GetLastWriteTimeUtc(p).Ticks, new FileInfo(p).Length) : (Directory.GetLastWriteTimeUtc(p).Ticks, -1L));

    private static void AssertSameFiles(string expected, string actual, string context)
    {
        static Dictionary<string, string> Read(string folder) => HostileSite.Files(folder)
            .Where(f => Path.GetFileName(f) != SiteFolders.OutputRules.MarkerFile)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
        var want = Read(expected);
        var got = Read(actual);
        Assert.True(want.Keys.Order().SequenceEqual(got.Keys.Order()), $"{context}: files differ: only in full [{string.Join(", ", want.Keys.Except(got.Keys))}], only in incremental [{string.Join(", ", got.Keys.Except(want.Keys))}]");
        foreach (var (path, text) in want)
        {
            Assert.True(text == got[path], $"{context}: {path} differs");
        }
    }

    /// <summary>A small site whose files a test edits at random.</summary>
    private sealed class EditableSite(TempFolder temp, Random random)
    {
        private readonly List<string> _pages = [];
        private int _next;

        public void Seed()
        {
            WriteReferences(Keys);
            temp.Write("input/_data/glossary.yaml", "- term: cytokine\n  definition: A small protein cells use to signal.\n");
            WriteFindings();
            WriteHelp();
            temp.Write("input/chart.png", "png");
            AddPage("index.md");
            AddPage("safety.md");
            AddPage("conditions/crohns.md");
        }

        public string RandomEdit()
        {
            switch (random.Next(10))
            {
                case 0:
                    return "add " + AddPage(random.Next(3) == 0 ? $"conditions/page{_next++}.md" : $"page{_next++}.md");
                case 1 or 2 when _pages.Count > 0:
                    var changed = Pick();
                    WritePage(changed);
                    return "change " + changed;
                case 3 when _pages.Count > 1:
                    var old = Pick();
                    var renamed = $"renamed{_next++}.md";
                    File.Move(temp["input/" + old], temp["input/" + renamed]);
                    _pages[_pages.IndexOf(old)] = renamed;
                    return $"rename {old} -> {renamed}";
                case 4 when _pages.Count > 1:
                    var deleted = Pick();
                    File.Delete(temp["input/" + deleted]);
                    _pages.Remove(deleted);
                    return "delete " + deleted;
                case 5:
                    WriteReferences(Keys.Where(_ => random.Next(4) > 0).ToArray());
                    return "change references";
                case 6:
                    // Each data file on its own, so a file left out of the data's key would show:
                    // findings, help and corrections are read by pages' '::: …' blocks, and a
                    // correction may name a page that is gone (an error in both builds).
                    switch (random.Next(4))
                    {
                        case 0:
                            temp.Write("input/_data/glossary.yaml", $"- term: cytokine\n  definition: Definition {random.Next(100)}.\n- term: naltrexone\n  definition: A medicine.\n");
                            return "change glossary";
                        case 1:
                            WriteFindings();
                            return "change findings";
                        case 2:
                            WriteHelp();
                            return "change help";
                        default:
                            temp.Write("input/_data/corrections.yaml", $"- date: 2026-01-0{1 + random.Next(9)}\n  page: {(_pages.Count > 0 && random.Next(4) > 0 ? Pick() : "gone.md")}\n  change: Fixed {random.Next(100)}.\n");
                            return "change corrections";
                    }
                case 7:
                    if (File.Exists(temp["input/chart.png"]))
                    {
                        File.Delete(temp["input/chart.png"]);
                        return "delete chart.png";
                    }

                    temp.Write("input/chart.png", "png" + random.Next(100));
                    return "add chart.png";
                case 8 when _pages.Count > 0:
                    var broken = Pick();
                    temp.Write("input/" + broken, "---\ntitle: [broken\n---\n");
                    return "break front matter of " + broken;
                default:
                    var same = _pages.Count > 0 ? Pick() : AddPage("index.md");
                    WritePage(same);
                    return "rewrite " + same;
            }
        }

        private string Pick() => _pages[random.Next(_pages.Count)];

        private string AddPage(string path)
        {
            if (!_pages.Contains(path))
            {
                _pages.Add(path);
            }

            WritePage(path);
            return path;
        }

        private void WritePage(string path)
        {
            var target = _pages.Count > 0 ? _pages[random.Next(_pages.Count)] : "index.md";
            var relative = Path.GetRelativePath(Path.GetDirectoryName("/" + path)!, "/" + target).Replace('\\', '/');
            var link = random.Next(3) switch
            {
                0 => $"[a page]({relative})",
                1 => $"[a section]({relative}#section-{random.Next(3)})",
                _ => "[a chart](" + Path.GetRelativePath(Path.GetDirectoryName("/" + path)!, "/chart.png").Replace('\\', '/') + ")",
            };
            // Two keys, often different: pages sharing two sources list each other as related.
            var (key, other) = (Keys[random.Next(Keys.Length)], Keys[random.Next(Keys.Length)]);
            var title = $"Page {random.Next(5)}";
            temp.Write("input/" + path, $"---\ntitle: {title}\ndescription: About {title}.\norder: {random.Next(5)}\n---\n\n## Section {random.Next(3)}\n\nThe cytokine claim [@{key}]. See {link}.\n\n## Section {random.Next(3)}\n\nMore text {random.Next(1000)} [@{other}].\n{(random.Next(3) == 0 ? "\n::: findings crohns\n:::\n\n::: help crohns\n:::\n\n::: corrections\n:::\n" : "")}");
        }

        private void WriteFindings() =>
            temp.Write("input/_data/findings.yaml", $"- condition: crohns\n  outcome: Pain {random.Next(100)}\n  effect: LDN may help.\n  certainty: not-graded\n  sources: [{Keys[random.Next(Keys.Length)]}]\n");

        private void WriteHelp() =>
            temp.Write("input/_data/help.yaml", $"- name: Charity {random.Next(100)}\n  url: https://charity{random.Next(3)}.example/\n  topic: crohns\n  offers: Help.\n");

        private void WriteReferences(string[] keys) =>
            temp.Write("input/_data/references.yaml", string.Concat(keys.Select((k, i) => $"- key: {k}\n  authors: [Author A]\n  title: Study {i}\n  journal: J Test\n  year: {2000 + i}\n  pmid: \"{100 + i}\"\n  design: open-label\n  outcome: Something.\n  conditions: [crohns]\n")));
    }
}
