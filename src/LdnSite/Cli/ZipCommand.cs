namespace LdnSite.Cli;

using System.CommandLine;
using LdnSite.Offline;

/// <summary><c>ldnsite zip</c>: builds the offline edition into artifacts/.</summary>
public static class ZipCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var options = new SiteOptions();
        var zipPath = new Option<FileInfo>("--zip")
        {
            Description = "Where to write the zip (default: the repository's artifacts/ldn-knowledge-base.zip).",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(RepositoryFolders.Root, "artifacts", OfflineEdition.FileName)),
        };
        var command = new Command("zip", "Build the offline edition: a zip that works when unzipped and opened from file://.");
        options.AddTo(command);
        command.Options.Add(options.AllDiagnostics);
        command.Options.Add(options.Sarif);
        command.Options.Add(zipPath);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var zip = parse.GetValue(zipPath)!.FullName;
            var result = await OfflineEdition.BuildAsync(settings, zip, cancellationToken);
            options.WriteSarif(parse, result, settings);
            var code = BuildReporter.Report(result, settings, zip, Console.Out, Console.Error, options.ShownPerCode(parse));
            if (code == 0)
            {
                Console.WriteLine($"Offline edition: {zip} ({new FileInfo(zip).Length:N0} bytes)");
            }

            return code;
        });
        return command;
    }
}
