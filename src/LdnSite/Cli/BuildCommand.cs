namespace LdnSite.Cli;

using System.CommandLine;

/// <summary><c>ldnsite build</c>: builds the site once.</summary>
public static class BuildCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var options = new SiteOptions();
        var command = new Command("build", "Build the site from input/ and theme/ into output/.");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var result = await new SiteBuild(settings).RunAsync(cancellationToken);
            return BuildReporter.Report(result, settings.OutputFolder, Console.Out, Console.Error);
        });
        return command;
    }
}
