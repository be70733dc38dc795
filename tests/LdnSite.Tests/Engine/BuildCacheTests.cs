namespace LdnSite.Tests.Engine;

using LdnSite.Engine.Modules;
using LdnSite.Engine.Pipelines;
using LdnSite.Tests.Support;
using EngineRunner = LdnSite.Engine.Pipelines.Engine;

/// <summary>
/// What a rebuilding engine keeps: every result a build used, and results no build uses any
/// more only until there are more than <see cref="BuildCache.StaleAllowed"/> of them or
/// <see cref="BuildCache.SweepEvery"/> builds have passed.
/// </summary>
public sealed class BuildCacheTests
{
    [Fact]
    public async Task Results_no_build_uses_are_dropped_once_there_are_enough_of_them_or_enough_builds_passed()
    {
        var keys = Enumerable.Range(0, 100).Select(i => $"key{i}").ToList();
        var engine = new EngineRunner([new Pipeline { Name = "p", Process = [new Lambda((docs, context) =>
        {
            foreach (var key in keys)
            {
                context.Cache.GetOrAdd("test", key, () => key);
            }

            return docs;
        })] }]);
        using var output = new TempFolder();

        await engine.ExecuteAsync(output.Path);
        Assert.Equal(100, engine.Cache.Count);

        // A few results superseded (an edit): they stay, at most StaleAllowed of them.
        keys = [.. keys.Skip(3), "new0", "new1", "new2"];
        await engine.ExecuteAsync(output.Path);
        Assert.Equal(103, engine.Cache.Count);

        // Many superseded at once (a theme change): dropped right after the build.
        keys = [.. Enumerable.Range(0, 100).Select(i => $"other{i}")];
        await engine.ExecuteAsync(output.Path);
        Assert.Equal(100, engine.Cache.Count);

        // A few again: dropped at the latest after SweepEvery builds.
        keys = [.. keys.Skip(1), "last"];
        BuildResult last = null!;
        for (var build = 0; build < BuildCache.SweepEvery; build++)
        {
            last = await engine.ExecuteAsync(output.Path);
        }

        Assert.Equal(100, engine.Cache.Count);
        Assert.Equal(100, last.CacheHits);
    }

    [Fact]
    public async Task A_handle_finds_its_entry_until_the_entry_is_dropped()
    {
        object? handle = null;
        var key = "page";
        var engine = new EngineRunner([new Pipeline { Name = "p", Process = [new Lambda((docs, context) =>
        {
            context.Cache.GetOrAdd("test", key, () => key + "-value", out handle);
            return docs;
        })] }]);
        using var output = new TempFolder();
        await engine.ExecuteAsync(output.Path);
        var first = handle;

        Assert.True(engine.Cache.TryGet<string>(first, out var value));
        Assert.Equal("page-value", value);

        // Many builds that use other keys only: the entry is dropped, and its handle stops working.
        for (var build = 0; build < BuildCache.SweepEvery + 1; build++)
        {
            key = $"other{build}";
            await engine.ExecuteAsync(output.Path);
        }

        Assert.False(engine.Cache.TryGet<string>(first, out _));
        Assert.False(engine.Cache.TryGet<string>(null, out _));
    }
}
