using System.CommandLine;
using LdnSite.Cli;

try
{
    // The default handler prints a stack trace; every failure is reported below instead.
    return await LdnSiteApp.Create().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (InvalidOptionException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    // Every expected problem is a diagnostic; this is the last guard, so a user never sees a stack trace.
    Console.Error.WriteLine($"ldnsite: error {LdnSite.Diagnostics.DiagnosticCatalog.ForEngine.Unexpected}: {LdnSite.Engine.Diagnostics.Unexpected.Describe(e)}. Nothing was published; please report this.");
    return 1;
}
