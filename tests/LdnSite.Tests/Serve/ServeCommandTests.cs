namespace LdnSite.Tests.Serve;

using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using LdnSite.Cli;
using LdnSite.Tests.Support;

/// <summary>The serve command's own failures: one line that says what to do, never a stack trace.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task A_busy_port_is_one_line_that_suggests_another()
    {
        using var temp = new TempFolder();
        temp.Write("input/index.md", TestSites.Page("Home"));
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        var error = new StringWriter();
        var output = new StringWriter();

        var exitCode = await LdnSiteApp.Create()
            .Parse(["serve", "--input", temp["input"], "--output", temp["output"], "--theme", RepositoryPaths.Theme, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .InvokeAsync(new InvocationConfiguration { Error = error, Output = output, EnableDefaultExceptionHandler = false });

        Assert.Equal(1, exitCode);
        var message = error.ToString().Trim();
        Assert.Equal($"--port: error LDN107: port {port} is already in use (another server is running there); try --port {port + 1}, or --port 0 to pick a free one.", message);
    }

    [Fact]
    public async Task A_port_out_of_range_is_refused()
    {
        var error = new StringWriter();
        var exitCode = await LdnSiteApp.Create().Parse(["serve", "--port", "70000"]).InvokeAsync(new InvocationConfiguration { Error = error, Output = new StringWriter() });
        Assert.Equal(1, exitCode);
        Assert.Contains("LDN106", error.ToString());
    }
}
