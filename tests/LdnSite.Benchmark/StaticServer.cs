namespace LdnSite.Benchmark;

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

/// <summary>
/// A plain static file server over an output folder, on loopback and a free port, for search
/// measured over HTTP. Not LdnSite's <c>StaticSiteServer</c>: that one sends the production
/// Content-Security-Policy, whose <c>script-src 'self'</c> refuses the WebAssembly that the
/// Pagefind anchor needs. Without compression, as the benchmark gzips the requested files itself.
/// </summary>
public sealed class StaticServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PhysicalFileProvider _files;

    private StaticServer(WebApplication app, PhysicalFileProvider files, Uri address)
    {
        _app = app;
        _files = files;
        Address = address;
    }

    /// <summary>The site's root, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Serves <paramref name="folder"/>; <c>/</c> and <c>/section/</c> answer with their <c>index.html</c>.</summary>
    public static async Task<StaticServer> StartAsync(string folder)
    {
        // The content root is the program's folder, so no appsettings.json from the current directory is read.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var files = new PhysicalFileProvider(Path.GetFullPath(folder));
        app.UseFileServer(new FileServerOptions
        {
            FileProvider = files,
            EnableDefaultFiles = true,
            // Search chunks may come in a format ASP.NET Core has no content type for.
            StaticFileOptions = { ServeUnknownFileTypes = true, DefaultContentType = "application/octet-stream" },
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticServer(app, files, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _files.Dispose();
    }
}
