namespace LdnSite.Cli;

using System.CommandLine;
using LdnSite.Diagnostics;

/// <summary><c>ldnsite codes</c>: prints every diagnostic code as the Markdown table CONTRIBUTING.md carries.</summary>
public static class CodesCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("codes", "Print every diagnostic code with what it means and what to do, as a Markdown table.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(DiagnosticCatalog.MarkdownTable());
            return 0;
        });
        return command;
    }
}
