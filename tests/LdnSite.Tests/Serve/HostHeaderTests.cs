namespace LdnSite.Tests.Serve;

using System.Net;
using LdnSite.Serve;
using LdnSite.Tests.Support;

/// <summary>The preview answers only to this machine's own names for it (no DNS rebinding).</summary>
public sealed class HostHeaderTests
{
    [Fact]
    public async Task Only_loopback_names_with_the_servers_port_are_answered()
    {
        using var temp = new TempFolder();
        temp.Write("site/index.html", "<p>preview</p>");
        await using var server = new StaticSiteServer(temp["site"]);
        await server.StartAsync();
        using var client = new HttpClient();
        async Task<HttpStatusCode> Status(string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, server.Address);
            request.Headers.Host = host;
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        var port = server.Address.Port;
        Assert.Equal(HttpStatusCode.OK, await Status($"127.0.0.1:{port}"));
        Assert.Equal(HttpStatusCode.OK, await Status($"localhost:{port}"));
        Assert.Equal(HttpStatusCode.OK, await Status($"LOCALHOST:{port}"));
        Assert.Equal(HttpStatusCode.MisdirectedRequest, await Status($"attacker.example:{port}"));
        Assert.Equal(HttpStatusCode.MisdirectedRequest, await Status("attacker.example"));
        Assert.Equal(HttpStatusCode.MisdirectedRequest, await Status($"localhost:{port + 1}"));
    }
}
