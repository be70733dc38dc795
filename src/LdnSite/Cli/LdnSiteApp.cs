namespace LdnSite.Cli;

using System.CommandLine;

/// <summary>The command line: build, serve, zip, new, codes and check-sources.</summary>
public static class LdnSiteApp
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Create() => new("LdnSite: builds the Low Dose Naltrexone knowledge base into a static site.")
    {
        BuildCommand.Create(),
        ServeCommand.Create(),
        ZipCommand.Create(),
        NewCommand.Create(),
        CodesCommand.Create(),
        CheckSourcesCommand.Create(),
    };
}
