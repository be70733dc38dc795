namespace LdnSite.Engine.Pipelines;

using System.Diagnostics;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Engine.Output;
using Diagnostic = LdnSite.Engine.Diagnostics.Diagnostic;

/// <summary>
/// Runs named pipelines phase by phase. Independent pipelines run in parallel; a Process phase
/// starts as soon as its dependencies' Process phases end. An error stops the run at the next
/// phase boundary, before anything is written.
/// </summary>
public sealed class Engine
{
    private readonly IReadOnlyList<Pipeline> _pipelines;

    /// <summary>Checks that pipeline names are unique and dependencies exist and form no cycle.</summary>
    public Engine(IEnumerable<Pipeline> pipelines)
    {
        _pipelines = pipelines.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pipeline in _pipelines)
        {
            if (!names.Add(pipeline.Name))
            {
                throw new ArgumentException($"Two pipelines are named '{pipeline.Name}'.");
            }
        }

        foreach (var pipeline in _pipelines)
        {
            foreach (var dependency in pipeline.Dependencies.Where(d => !names.Contains(d)))
            {
                throw new ArgumentException($"Pipeline '{pipeline.Name}' depends on unknown pipeline '{dependency}'.");
            }
        }

        ThrowOnCycle();
    }

    // A rebuilding engine's last path check in each phase (see OutputPathMemo).
    private readonly OutputPathMemo[] _pathChecks = [.. Enum.GetValues<Phase>().Select(_ => new OutputPathMemo())];

    /// <summary>
    /// Tells every writer that what it wrote is gone (a discarded staging folder, a removed output
    /// folder), so a rebuild does not skip files it believes are already there.
    /// </summary>
    public void ForgetWrites()
    {
        foreach (var writer in _pipelines.SelectMany(p => p.Output).OfType<WriteFiles>())
        {
            writer.ForgetWrites();
        }
    }

    /// <summary>Raised as each pipeline phase starts, with "Pipeline: Phase".</summary>
    public event Action<string>? PhaseStarted;

    /// <summary>Kept between runs so a rebuild can reuse unchanged results.</summary>
    public BuildCache Cache { get; } = new();

    /// <summary>The codes the engine reports its own findings with; the host gives its own.</summary>
    public EngineCodes Codes { get; set; } = EngineCodes.Plain;

    /// <summary>Lists folders and stats files; given a watcher's journal, it remembers what did not change.</summary>
    public Input.FileSystemView Files { get; } = new();

    /// <summary>
    /// What a host that is the whole process does about memory at fixed points of a one-shot
    /// build (the command line's policy); null for a host running other work (tests running
    /// builds side by side, the dev server), and never used by a rebuilding engine.
    /// </summary>
    public IBuildPacing? Pacing { get; set; }

    /// <summary>Runs every pipeline, writing into <paramref name="outputFolder"/>.</summary>
    public Task<BuildResult> ExecuteAsync(string outputFolder, CancellationToken cancellationToken = default) =>
        ExecuteAsync(outputFolder, Task.CompletedTask, cancellationToken);

    /// <summary>
    /// Runs every pipeline, writing into <paramref name="outputFolder"/> once
    /// <paramref name="readyForWriting"/> has completed (see <see cref="Output.StagedOutput.ReadyForWriting"/>).
    /// </summary>
    public async Task<BuildResult> ExecuteAsync(string outputFolder, Task readyForWriting, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        var build = new object();
        var pacer = Cache.Enabled ? null : Pacing;
        Files.BeginBuild();
        _timings.Clear();
        var diagnostics = new DiagnosticBag();
        var results = new PhaseResults();
        var pipelineDiagnostics = _pipelines.ToDictionary(p => p.Name, _ => diagnostics.Child(), StringComparer.Ordinal);

        Task<IReadOnlyList<Document>> RunPhase(Pipeline pipeline, Phase phase, IReadOnlyList<Document> inputs)
        {
            if (pipeline.ModulesOf(phase).Count > 0)
            {
                PhaseStarted?.Invoke($"{pipeline.Name}: {phase}");
            }

            return RunModulesAsync(pipeline, phase, inputs, new ExecutionContext(pipeline, phase, results, pipelineDiagnostics[pipeline.Name], outputFolder, Cache, Files, started, build, pacer, Codes, cancellationToken));
        }

        var processTasks = new Dictionary<string, Task>(StringComparer.Ordinal);
        Task ProcessOf(Pipeline pipeline)
        {
            if (!processTasks.TryGetValue(pipeline.Name, out var task))
            {
                var dependencies = pipeline.Dependencies.Select(d => ProcessOf(_pipelines.First(p => p.Name == d))).ToList();
                task = Task.Run(async () =>
                {
                    var read = await RunPhase(pipeline, Phase.Input, []);
                    await Task.WhenAll(dependencies);
                    // Pipelines waiting on the same dependency start side by side: an await resumes
                    // them one after another on the thread that finished it, and even a yield to
                    // that thread's own queue was not picked up by the idle ones (the sitemap and
                    // the search index each waited for the other).
                    await GlobalQueueYield.Instance;
                    // A failed dependency would only cause a cascade of follow-on errors here.
                    // A pipeline that declares it can work from partial input (pages when a data file
                    // is broken) still runs, so one build reports every error it can find.
                    var dependencyFailed = !pipeline.RunsAfterFailedDependencies && pipeline.Dependencies.Any(d => pipelineDiagnostics[d].HasErrors);
                    results.Set(pipeline.Name, Phase.Process, dependencyFailed ? [] : await RunPhase(pipeline, Phase.Process, read));
                }, cancellationToken);
                processTasks[pipeline.Name] = task;
            }

            return task;
        }

        var documents = new Dictionary<string, IReadOnlyList<Document>>(StringComparer.Ordinal);
        await Task.WhenAll(_pipelines.Select(ProcessOf));
        CheckOutputPaths(Phase.Process);
        if (!diagnostics.HasErrors)
        {
            await Task.WhenAll(_pipelines.Select(p => Task.Run(async () =>
                results.Set(p.Name, Phase.PostProcess, await RunPhase(p, Phase.PostProcess, results.Get(p.Name, Phase.Process))), cancellationToken)));
        }

        CheckOutputPaths(Phase.PostProcess);

        if (!diagnostics.HasErrors)
        {
            await readyForWriting;
            if (pacer is not null)
            {
                var pacingStarted = ModuleTiming.SinceProcessStart();
                var pacing = Stopwatch.StartNew();
                pacer.BeforeOutput();
                _timings["(host's pacing before writing)"] = new ModuleTiming(pacingStarted, pacing.Elapsed);
            }

            await Task.WhenAll(_pipelines.Select(p => Task.Run(() => RunPhase(p, Phase.Output, results.Get(p.Name, Phase.PostProcess)), cancellationToken)));
            foreach (var pipeline in _pipelines)
            {
                documents[pipeline.Name] = results.Get(pipeline.Name, Phase.PostProcess);
            }
        }

        // Every path is checked before the first file is written (and before post-processing,
        // which indexes pages by path): nothing may land outside the output folder, and no two
        // documents may claim one file.
        void CheckOutputPaths(Phase phase)
        {
            if (!diagnostics.HasErrors)
            {
                var outputs = _pipelines.SelectMany(p => results.Get(p.Name, phase).Select(d => (p.Name, d))).ToList();
                foreach (var problem in Cache.Enabled ? _pathChecks[(int)phase].Check(outputs, Codes) : OutputPaths.Check(outputs, Codes))
                {
                    diagnostics.Add(problem);
                }
            }
        }

        var hits = Cache.Hits;
        Cache.Rotate();
        return new BuildResult(Cache.Enabled ? _sorted.Of(diagnostics.Items) : diagnostics.Sorted(), documents, clock.Elapsed, hits);
    }

    // A rebuilding engine's diagnostics, sorted by updating the last build's list.
    private readonly SortedDiagnostics _sorted = new();

    /// <summary>When each module of the last run started and how long it took, as "Pipeline/Phase/Module", for <c>--timings</c>.</summary>
    public IReadOnlyDictionary<string, ModuleTiming> LastTimings => _timings;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ModuleTiming> _timings = new();

    private async Task<IReadOnlyList<Document>> RunModulesAsync(Pipeline pipeline, Phase phase, IReadOnlyList<Document> documents, IExecutionContext context)
    {
        var modules = pipeline.ModulesOf(phase);
        for (var i = 0; i < modules.Count;)
        {
            // Consecutive per-document modules run as one chain per document, so each document's
            // intermediate values (its Markdown, say) are let go before the next document starts,
            // instead of every document's being held between modules.
            var chain = modules.Skip(i).TakeWhile(m => m is DocumentModule).Cast<DocumentModule>().ToList();
            var started = ModuleTiming.SinceProcessStart();
            var clock = Stopwatch.StartNew();
            try
            {
                documents = chain.Count > 0 ? DocumentModule.RunChain(chain, documents, context) : await modules[i].ExecuteAsync(documents, context);
            }
            catch (InputException e)
            {
                context.Diagnostics.Add(e.Diagnostic);
                return [];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                context.Diagnostics.Add(Unexpected.Diagnostic(Codes.Unexpected, documents.Count == 1 ? documents[0].Source : pipeline.Name, e));
                return [];
            }

            var name = chain.Count > 0 ? string.Join("+", chain.Select(m => m.GetType().Name)) : modules[i].GetType().Name;
            _timings[$"{pipeline.Name}/{phase}/{name}"] = new ModuleTiming(started, clock.Elapsed);
            i += Math.Max(chain.Count, 1);
        }

        return documents;
    }

    private void ThrowOnCycle()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        void Visit(Pipeline pipeline, string path)
        {
            if (state.TryGetValue(pipeline.Name, out var done))
            {
                if (!done)
                {
                    throw new ArgumentException($"Pipelines depend on each other in a cycle: {path}.");
                }

                return;
            }

            state[pipeline.Name] = false;
            foreach (var dependency in pipeline.Dependencies)
            {
                Visit(_pipelines.First(p => p.Name == dependency), $"{path} -> {dependency}");
            }

            state[pipeline.Name] = true;
        }

        foreach (var pipeline in _pipelines)
        {
            Visit(pipeline, pipeline.Name);
        }
    }
}
