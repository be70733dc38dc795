using System.CommandLine;
using LdnSite.Cli;

return await LdnSiteApp.Create().Parse(args).InvokeAsync();
