namespace LdnSite.Tests.Engine;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Engine.Pipelines;
using LdnSite.Tests.Support;
using EngineRunner = LdnSite.Engine.Pipelines.Engine;

public sealed class EngineTests
{
    private static readonly MetadataKey<int> Count = new("count");

    private static Lambda Create(params string[] sources) =>
        new((_, _) => sources.Select(s => Document.FromText(s, s)).ToList());

    [Fact]
    public async Task Process_phase_sees_the_output_of_a_declared_dependency()
    {
        var seen = new List<string>();
        var engine = new EngineRunner(
        [
            new Pipeline { Name = "pages", Input = [Create("a", "b")] },
            new Pipeline
            {
                Name = "index",
                Dependencies = ["pages"],
                Process = [new Lambda((docs, context) =>
                {
                    seen.AddRange(context.Outputs("pages").Select(d => d.Source));
                    return docs;
                })],
            },
        ]);

        using var output = new TempFolder();
        var result = await engine.ExecuteAsync(output.Path);

        Assert.True(result.Succeeded);
        Assert.Equal(["a", "b"], seen);
    }

    [Fact]
    public async Task Pipelines_that_wait_for_the_same_dependency_run_side_by_side()
    {
        // Each of the two waits until the other has started: one after the other, the first
        // would give up after five seconds. (This host's thread pool ran them side by side even
        // before GlobalQueueYield; the command line's did not, as --timings showed.)
        using var sitemapStarted = new ManualResetEventSlim();
        using var searchStarted = new ManualResetEventSlim();
        var sawEachOther = new System.Collections.Concurrent.ConcurrentBag<string>();
        Lambda WaitFor(string name, ManualResetEventSlim mine, ManualResetEventSlim other) => new((docs, _) =>
        {
            mine.Set();
            if (other.Wait(TimeSpan.FromSeconds(5)))
            {
                sawEachOther.Add(name);
            }

            return docs;
        });
        var engine = new EngineRunner(
        [
            // Finishing after the other two are waiting for it, as a site's pages do.
            new Pipeline { Name = "pages", Input = [Create("a")], Process = [new Lambda((docs, _) => { Thread.Sleep(300); return docs; })] },
            new Pipeline { Name = "sitemap", Dependencies = ["pages"], Process = [WaitFor("sitemap", sitemapStarted, searchStarted)] },
            new Pipeline { Name = "search", Dependencies = ["pages"], Process = [WaitFor("search", searchStarted, sitemapStarted)] },
        ]);

        using var output = new TempFolder();
        var result = await engine.ExecuteAsync(output.Path);

        Assert.True(result.Succeeded);
        Assert.Equal(["search", "sitemap"], sawEachOther.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reading_an_undeclared_pipeline_in_process_is_refused()
    {
        var engine = new EngineRunner(
        [
            new Pipeline { Name = "pages", Input = [Create("a")] },
            new Pipeline { Name = "index", Process = [new Lambda((docs, context) => context.Outputs("pages"))] },
        ]);

        using var output = new TempFolder();
        var result = await engine.ExecuteAsync(output.Path);
        // A mistake in a pipeline is reported like any failure: a diagnostic, never a stack trace.
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(global::LdnSite.Engine.Diagnostics.EngineCodes.Plain.Unexpected, error.Code);
        Assert.Contains("without declaring it as a dependency", error.Message);
    }

    [Fact]
    public async Task Post_process_sees_every_pipelines_process_output()
    {
        var counts = new List<int>();
        var engine = new EngineRunner(
        [
            new Pipeline { Name = "one", Input = [Create("a")] },
            new Pipeline { Name = "two", Input = [Create("b", "c")] },
            new Pipeline
            {
                Name = "nav",
                PostProcess = [new Lambda((docs, context) =>
                {
                    counts.Add(context.Outputs("one").Count + context.Outputs("two").Count);
                    return docs;
                })],
            },
        ]);

        using var output = new TempFolder();
        await engine.ExecuteAsync(output.Path);
        Assert.Equal([3], counts);
    }

    [Fact]
    public void A_dependency_cycle_is_rejected_with_its_path()
    {
        var error = Assert.Throws<ArgumentException>(() => new EngineRunner(
        [
            new Pipeline { Name = "a", Dependencies = ["b"] },
            new Pipeline { Name = "b", Dependencies = ["a"] },
        ]));
        Assert.Contains("a -> b -> a", error.Message);
    }

    [Fact]
    public void An_unknown_dependency_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new EngineRunner([new Pipeline { Name = "a", Dependencies = ["missing"] }]));
        Assert.Contains("unknown pipeline 'missing'", error.Message);
    }

    [Fact]
    public async Task An_input_error_is_reported_and_nothing_is_written()
    {
        var engine = new EngineRunner(
        [
            new Pipeline
            {
                Name = "pages",
                Input = [Create("good", "bad")],
                Process = [new FailOn("bad")],
                Output = [new Lambda((docs, context) =>
                {
                    File.WriteAllText(Path.Combine(context.OutputFolder, "written"), "");
                    return docs;
                })],
            },
        ]);

        using var output = new TempFolder();
        var result = await engine.ExecuteAsync(output.Path);

        Assert.False(result.Succeeded);
        Assert.Equal("bad(3,1): error T001: broken", Assert.Single(result.Diagnostics).ToString());
        Assert.False(File.Exists(output["written"]));
    }

    [Fact]
    public async Task Document_modules_keep_input_order_while_running_in_parallel()
    {
        var sources = Enumerable.Range(0, 500).Select(i => i.ToString("000")).ToArray();
        var engine = new EngineRunner([new Pipeline { Name = "p", Input = [Create(sources)], Process = [new AddCount()] }]);

        using var output = new TempFolder();
        var result = await engine.ExecuteAsync(output.Path);

        Assert.Equal(sources, result.Documents["p"].Select(d => d.Source));
        Assert.All(result.Documents["p"], d => Assert.Equal(3, d.Get(Count)));
    }

    [Fact]
    public async Task Cache_reuses_results_of_the_previous_run_only()
    {
        var computed = 0;
        var engine = new EngineRunner([new Pipeline
        {
            Name = "p",
            Input = [Create("a")],
            Process = [new Lambda((docs, context) =>
            {
                context.Cache.GetOrAdd("test", "key", () => ++computed);
                return docs;
            })],
        }]);

        using var output = new TempFolder();
        var first = await engine.ExecuteAsync(output.Path);
        var second = await engine.ExecuteAsync(output.Path);

        Assert.Equal(1, computed);
        Assert.Equal(0, first.CacheHits);
        Assert.Equal(1, second.CacheHits);
    }

    private sealed class FailOn(string source) : DocumentModule
    {
        protected override Document? Process(Document document, IExecutionContext context) =>
            document.Source == source ? throw new InputException(Diagnostic.Error(source, 3, 1, "T001", "broken")) : document;
    }

    private sealed class AddCount : DocumentModule
    {
        protected override Document Process(Document document, IExecutionContext context) => document.With(Count, document.Text.Length);
    }
}
