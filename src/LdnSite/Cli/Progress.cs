namespace LdnSite.Cli;

using LdnSite.Engine.Pipelines;
using Spectre.Console;
using LdnSite.Build;

/// <summary>
/// Shows what a long build is doing: a live status line in an interactive terminal, a plain
/// start line when output goes to a log (CI), so logs stay readable.
/// </summary>
public static class Progress
{
    /// <summary>Runs <paramref name="build"/>, showing its phases as they start.</summary>
    public static async Task<BuildResult> RunAsync(SiteBuild build, CancellationToken cancellationToken)
    {
        var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            Console.WriteLine($"Building {build.Settings.InputFolder} …");
            return await build.RunAsync(cancellationToken);
        }

        return await AnsiConsole.Status().StartAsync("Building…", async status =>
        {
            void Show(string phase) => status.Status(Markup.Escape(phase));
            build.PhaseStarted += Show;
            try
            {
                return await build.RunAsync(cancellationToken);
            }
            finally
            {
                build.PhaseStarted -= Show;
            }
        });
    }
}
