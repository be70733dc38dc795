namespace LdnSite.Tests.Architecture;

using ArchUnitNET.Loader;

/// <summary>
/// <c>build</c> never touches the network: only the sources check (<c>Sources/</c>) makes HTTP
/// requests or opens sockets. Read from the compiled code by ArchUnitNET, method bodies included.
/// </summary>
public sealed class OfflineBuildTests
{
    private static readonly string[] Network = ["System.Net.Http", "System.Net.Sockets"];

    [Fact]
    public void Only_the_sources_check_uses_the_network()
    {
        var code = new ArchLoader().LoadAssemblies(typeof(SiteSettings).Assembly, typeof(LdnSite.Engine.Pipelines.Engine).Assembly).Build();
        var uses = code.Types
            .SelectMany(t => t.Dependencies.Select(d => (From: t, To: d.Target)))
            .Where(e => e.To?.Namespace?.FullName is { } target && Network.Any(n => target == n || target.StartsWith(n + ".", StringComparison.Ordinal)))
            .ToList();
        // The check itself: the sources check does use it, so a use elsewhere would be seen.
        Assert.Contains(uses, e => e.From.Namespace.FullName == "LdnSite.Sources");
        var elsewhere = uses.Where(e => e.From.Namespace.FullName != "LdnSite.Sources").Select(e => $"{e.From.FullName} uses {e.To!.FullName}").Distinct().ToList();
        Assert.True(elsewhere.Count == 0, string.Join("\n", elsewhere));
    }
}
