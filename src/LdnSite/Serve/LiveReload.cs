namespace LdnSite.Serve;

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

/// <summary>
/// Tells open pages to reload, or to show a build error, over server-sent events. The script
/// is served from memory by the dev server only; built files merely reference it, and only
/// when built by <c>serve</c>.
/// </summary>
public sealed class LiveReload
{
    /// <summary>Path of the script pages load.</summary>
    public const string ScriptPath = "/_ldnsite/live-reload.js";

    /// <summary>Path of the event stream.</summary>
    public const string EventsPath = "/_ldnsite/events";

    private readonly ConcurrentDictionary<Guid, Client> _clients = new();
    private string _state = Message("reload", "");
    private CancellationToken _stopping;

    /// <summary>Pages connected now.</summary>
    public int Clients => _clients.Count;

    /// <summary>Adds the script and event endpoints to the server.</summary>
    public void Map(WebApplication app)
    {
        // Open event streams end when the server stops, or stopping would wait for them.
        _stopping = app.Lifetime.ApplicationStopping;
        app.MapGet(ScriptPath, () => Results.Text(Script, "text/javascript; charset=utf-8"));
        app.MapGet(EventsPath, StreamAsync);
    }

    /// <summary>Tells every page the new build is ready.</summary>
    public Task ReloadAsync() => BroadcastAsync(_state = Message("reload", ""));

    /// <summary>Tells every page the build failed, with the errors to show.</summary>
    public Task ShowErrorAsync(string errors) => BroadcastAsync(_state = Message("build-error", errors));

    private async Task StreamAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var id = Guid.NewGuid();
        // Listed before its first message, so a rebuild that finishes meanwhile is not missed:
        // its broadcast waits at the gate and follows the first message.
        var client = new Client(context.Response, new SemaphoreSlim(1, 1));
        _clients[id] = client;
        try
        {
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
            await client.Gate.WaitAsync(ended.Token);
            try
            {
                // A page opened while the build is broken shows the error at once.
                await context.Response.WriteAsync(_state.StartsWith("event: build-error", StringComparison.Ordinal) ? _state : ": connected\n\n", ended.Token);
                await context.Response.Body.FlushAsync(ended.Token);
            }
            finally
            {
                client.Gate.Release();
            }

            await Task.Delay(Timeout.Infinite, ended.Token);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }
    }

    private async Task BroadcastAsync(string message)
    {
        foreach (var (id, client) in _clients)
        {
            try
            {
                await client.Gate.WaitAsync(_stopping);
                try
                {
                    await client.Response.WriteAsync(message);
                    await client.Response.Body.FlushAsync();
                }
                finally
                {
                    client.Gate.Release();
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
            {
                _clients.TryRemove(id, out _);
            }
        }
    }

    // An open event stream, and a gate so a broadcast never writes into it while its first message is being written.
    private sealed record Client(HttpResponse Response, SemaphoreSlim Gate);

    // A JSON string, written by the writer JsonSerializer uses but without its reflection (the
    // native program has none). A half of a character cut from a long message becomes U+FFFD,
    // as before; JsonEncodedText would throw on it.
    private static string Message(string type, string data)
    {
        var json = new System.Buffers.ArrayBufferWriter<byte>(data.Length + 16);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStringValue(data);
        }

        return $"event: {type}\ndata: {System.Text.Encoding.UTF8.GetString(json.WrittenSpan)}\n\n";
    }

    private const string Script = """
        // LdnSite dev server: reload on rebuild, show build errors over the page until fixed.
        (function () {
          'use strict';
          var overlay = null;
          function showError(text) {
            if (!overlay) {
              overlay = document.createElement('div');
              overlay.id = 'ldnsite-build-error';
              overlay.setAttribute('role', 'alert');
              overlay.style.cssText = 'position:fixed;inset:0;z-index:9999;overflow:auto;padding:2rem;background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap';
              document.body.appendChild(overlay);
            }
            overlay.textContent = 'Build failed. The last good version of the site is still being served.\n\n' + text;
          }
          var events = new EventSource('/_ldnsite/events');
          events.addEventListener('reload', function () { window.location.reload(); });
          events.addEventListener('build-error', function (e) { showError(JSON.parse(e.data)); });
        }());
        """;
}
