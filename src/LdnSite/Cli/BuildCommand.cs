namespace LdnSite.Cli;

using System.CommandLine;
using LdnSite.Build;
using LdnSite.Engine.Pipelines;

/// <summary><c>ldnsite build</c>: builds the site once.</summary>
public static class BuildCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var options = new SiteOptions();
        var command = new Command("build", "Build the site from input/ and theme/ into output/.");
        var offline = new Option<bool>("--offline")
        {
            Description = "Also build the offline zip, publish it next to the site, and link to it from every page.",
        };
        var timings = new Option<bool>("--timings")
        {
            Description = "Print when each pipeline module started and how long it took.",
        };
        var readability = new Option<bool>("--readability")
        {
            Description = "Print each page's reading level (Flesch-Kincaid grade and Flesch reading ease).",
        };
        options.AddTo(command);
        command.Options.Add(options.AllDiagnostics);
        command.Options.Add(options.Sarif);
        command.Options.Add(offline);
        command.Options.Add(timings);
        command.Options.Add(readability);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            if (parse.GetValue(offline))
            {
                return await BuildWithOfflineEditionAsync(settings, options.ShownPerCode(parse), result => options.WriteSarif(parse, result, settings), cancellationToken);
            }

            var build = new SiteBuild(settings) { Pacing = new MemoryPacing() };
            var result = await Progress.RunAsync(build, cancellationToken);
            if (parse.GetValue(timings))
            {
                // In the order they started, so the wait for a dependency shows as a gap.
                Console.WriteLine("   start      took  module (ms since the process started)");
                foreach (var (module, time) in build.LastTimings.OrderBy(t => t.Value.Started))
                {
                    Console.WriteLine($"{time.Started.TotalMilliseconds,8:0} {time.Took.TotalMilliseconds,8:0.0} ms  {module}");
                }

                // Module times overlap (pipelines run side by side); garbage collection pauses all of them.
                Console.WriteLine($"{GC.GetTotalPauseDuration().TotalMilliseconds,8:0.0} ms  garbage collection pauses ({GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)} collections of generation 0 / 1 / 2; {GC.GetTotalAllocatedBytes() / (1024 * 1024):N0} MB allocated)");
            }

            if (parse.GetValue(readability))
            {
                ReadabilityReport.Print(result, settings, Console.Out);
            }

            options.WriteSarif(parse, result, settings);
            return BuildReporter.Report(result, settings, settings.OutputFolder, Console.Out, Console.Error, options.ShownPerCode(parse));
        });
        return command;
    }

    // The zip is built first so its size can be shown in the download link, then copied into the
    // finished output; the zip itself links to nothing it does not contain.
    private static async Task<int> BuildWithOfflineEditionAsync(SiteSettings settings, int shownPerCode, Action<BuildResult> writeSarif, CancellationToken cancellationToken)
    {
        var zip = Path.Combine(RepositoryFolders.Root, "artifacts", Offline.OfflineEdition.FileName);
        var offlineResult = await Offline.OfflineEdition.BuildAsync(settings, zip, cancellationToken);
        if (!offlineResult.Succeeded)
        {
            writeSarif(offlineResult);
            return BuildReporter.Report(offlineResult, settings, settings.OutputFolder, Console.Out, Console.Error, shownPerCode);
        }

        var site = settings with { OfflineDownload = new OfflineDownload(Offline.OfflineEdition.FileName, new FileInfo(zip).Length) };
        var result = await Progress.RunAsync(new SiteBuild(site) { Pacing = new MemoryPacing() }, cancellationToken);
        if (result.Succeeded)
        {
            File.Copy(zip, Path.Combine(settings.OutputFolder, Offline.OfflineEdition.FileName), overwrite: true);
        }

        writeSarif(result);
        return BuildReporter.Report(result, settings, settings.OutputFolder, Console.Out, Console.Error, shownPerCode);
    }
}
