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
            var portNumber = parse.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                parse.InvocationConfiguration.Error.WriteLine($"--port: error LDN106: {portNumber} is not a port; use a number from 1 to 65535 (or 0 to pick a free one).");
                return 1;
            }

            // The first build reads and renders every page; say so, rather than sit silent.
            Console.WriteLine($"Building {settings.InputFolder} … (the first build reads every page; later saves rebuild only what they change)");
            var gitDates = RepositoryFolders.Checkout is { } checkout
                ? new Serve.GitDates(Path.Combine(checkout, ".git", "logs", "HEAD"), () => Content.GitHistory.LastChanged(checkout, settings.InputFolder))
                : null;
            await using var server = new DevServer(settings, portNumber, Console.Out, gitDates);
            try
            {
                await server.StartAsync(cancellationToken);
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                parse.InvocationConfiguration.Error.WriteLine($"--port: error LDN107: port {portNumber} is already in use (another server is running there); try --port {portNumber + 1}, or --port 0 to pick a free one.");
                return 1;
            }

            Console.WriteLine($"Serving {settings.OutputFolder} at {server.Address} (Ctrl+C to stop); watching {settings.InputFolder} and {settings.ThemeFolder}.");
            await server.WatchAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
