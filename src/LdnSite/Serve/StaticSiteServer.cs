namespace LdnSite.Serve;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// Serves a built site with Kestrel on loopback, the way a static host does: <c>/safety/</c>
/// answers with <c>safety/index.html</c>. Files are looked up on every request, so a rebuild
/// that swaps the output folder is served at once. Extra endpoints (live reload) plug in through
/// <paramref name="configure"/>.
/// </summary>
public sealed class StaticSiteServer(string siteFolder, int port = 0, Action<WebApplication>? configure = null) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:5000/</c>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts listening; with port 0 a free port is chosen.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            // Only this machine's own names for the server: a page on another site whose name was
            // made to resolve here (DNS rebinding) would otherwise read the preview and its errors.
            if (!IsOwnHost(context.Request.Host, context.Connection.LocalPort))
            {
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                await context.Response.WriteAsync("This preview answers only to localhost, 127.0.0.1 and [::1] with its own port.\n");
                return;
            }

            foreach (var (name, value) in SecurityHeaders.All)
            {
                context.Response.Headers[name] = value;
            }

            await next(context);
        });
        configure?.Invoke(app);
        app.MapFallback("{**path}", ServeFileAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.EndsWith('/') ? address : address + "/");
        _app = app;
    }

    /// <summary>Whether a request's Host names this machine's loopback server on <paramref name="port"/>.</summary>
    public static bool IsOwnHost(HostString host, int port) =>
        host.Port == port && host.Host.ToLowerInvariant() is "localhost" or "127.0.0.1" or "[::1]";

    private async Task ServeFileAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        // '..' could leave the site folder; '//' would make the folder redirect below point at another host.
        if (path.Contains("..", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\'))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var file = Path.Combine(siteFolder, path.TrimStart('/'));
        if (Directory.Exists(file))
        {
            if (!path.EndsWith('/'))
            {
                context.Response.Redirect(path + "/" + context.Request.QueryString);
                return;
            }

            file = Path.Combine(file, "index.html");
        }

        if (!File.Exists(file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = Path.Combine(siteFolder, "404.html");
            if (File.Exists(notFound))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(notFound);
            }

            return;
        }

        context.Response.ContentType = ContentTypes.TryGetValue(Path.GetExtension(file), out var type) ? type : "application/octet-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.SendFileAsync(file);
    }

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".xml"] = "application/xml",
        [".txt"] = "text/plain; charset=utf-8",
        [".zip"] = "application/zip",
        [".json"] = "application/json",
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
