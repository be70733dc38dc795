using System.CommandLine;
using LdnSite.Cli;

var root = new RootCommand("LdnSite: builds the Low Dose Naltrexone knowledge base into a static site.")
{
    BuildCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
