namespace LdnSite.Cli;

using System.CommandLine;
using LdnSite.Serve;

/// <summary><c>ldnsite serve</c>: the contributor's preview with live reload.</summary>
public static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var options = new SiteOptions();
        var port = new Option<int>("--port")
        {
            Description = "Port on 127.0.0.1 to serve on (0 picks a free one).",
            DefaultValueFactory = _ => 5000,
        };
        var command = new Command("serve", "Build, serve on http://127.0.0.1, rebuild on save and reload the browser.");
        options.AddTo(command);
        command.Options.Add(port);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            await using var server = new DevServer(settings, parse.GetValue(port), Console.Out);
            await server.StartAsync(cancellationToken);
            Console.WriteLine($"Serving {settings.OutputFolder} at {server.Address} (Ctrl+C to stop); watching {settings.InputFolder} and {settings.ThemeFolder}.");
            await server.WatchAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
