namespace LdnSite.Tests.Safety;

using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using LdnSite.Build;

/// <summary>
/// A page saved while a build runs gives the old page or the new one, never a crash or a mix:
/// each source is read once, and its table of contents, body and search entry all come from
/// that one snapshot.
/// </summary>
public sealed partial class MidBuildEditTests
{
    [GeneratedRegex(@"Version (\d+)")]
    private static partial Regex VersionPattern();

    [Fact]
    public async Task Saving_during_builds_never_crashes_or_mixes_two_versions()
    {
        using var site = new HostileSite();
        using var stop = new CancellationTokenSource();
        var saves = 0;
        Exception? writerFailed = null;
        // A thread of its own, not the thread pool's: builds keep the pool's threads busy, and a
        // writer waiting for one could fall behind the builds it was meant to race.
        var writer = new Thread(() =>
        {
            while (!stop.IsCancellationRequested && writerFailed is null)
            {
                var version = ++saves;
                // Each version has a different length, and is written in place (not renamed), as many editors do.
                var body = string.Concat(Enumerable.Repeat($"Version {version} text [@smith2007].\n\n", 50 + (version % 7)));
                try
                {
                    File.WriteAllText(site["input/edited.md"], $"---\ntitle: Version {version}\ndescription: Version {version}.\n---\n\n## Version {version}\n\n{body}");
                }
                catch (IOException)
                {
                    // The build may hold the file for a moment; the next save goes through.
                }
                catch (Exception e)
                {
                    // Anything else fails the test (below), not the test run.
                    writerFailed = e;
                }

                // A short pause between saves, as between an editor's saves: builds see whole files too, not only half-written ones.
                Thread.Sleep(2);
            }
        })
        { IsBackground = true };
        writer.Start();

        var parser = new HtmlParser();
        var checkedBuilds = 0;
        var builds = 0;
        var savedDuring = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            for (var i = 0; i < 80 && checkedBuilds < 10; i++, builds++)
            {
                var savesBefore = Volatile.Read(ref saves);
                var result = await new SiteBuild(site.Settings).RunAsync();
                savedDuring += Volatile.Read(ref saves) > savesBefore ? 1 : 0;
                Assert.DoesNotContain(result.Diagnostics, d => d.Code == "LDN900");
                if (!result.Succeeded || !File.Exists(site["output/edited/index.html"]))
                {
                    // A half-written front matter is an ordinary input error; the previous output stays.
                    continue;
                }

                var page = parser.ParseDocument(File.ReadAllText(site["output/edited/index.html"]));
                var versions = VersionPattern().Matches(page.QuerySelector("main")!.TextContent).Select(m => m.Groups[1].Value).Distinct().ToList();
                Assert.True(versions.Count == 1, $"build {i} mixed versions {string.Join(", ", versions)}");
                seen.Add(versions[0]);
                checkedBuilds++;
            }
        }
        finally
        {
            await stop.CancelAsync();
            writer.Join();
        }

        Assert.Null(writerFailed);
        // The race was run: the page was saved while builds ran (each build reads it once), and
        // the builds that saw a whole file did not all see the same one.
        Assert.True(savedDuring * 2 >= builds, $"the page was saved during only {savedDuring} of {builds} builds");
        Assert.True(checkedBuilds > 0, $"none of {builds} builds saw a whole file");
        Assert.True(seen.Count >= 2 || checkedBuilds < 2, $"all {checkedBuilds} checked builds saw version {string.Join(", ", seen)}");
    }
}
