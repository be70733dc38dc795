namespace LdnSite.Tests.Engine;

using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Engine.Pipelines;
using LdnSite.Tests.Support;
using EngineRunner = LdnSite.Engine.Pipelines.Engine;

/// <summary>
/// A document's cached result is found again without making its key while the document and its
/// key inputs are the same, and is always the result the key names: new inputs make a new key,
/// and an entry the cache dropped is made again.
/// </summary>
public sealed class LastEntriesTests
{
    [Fact]
    public async Task A_document_with_the_same_inputs_gets_its_result_without_a_key_and_new_inputs_or_a_dropped_entry_make_it_again()
    {
        var page = new Document("page.md", "page/index.html", Metadata.Empty, new TextContent("body"));
        var entries = new LastEntries<(string Page, string Layout), string>();
        var (pageKey, layoutKey) = ("page-v1", "layout-v1");
        var (keysMade, resultsMade, found) = (0, 0, 0);
        string? result = null;
        var (usePage, others, round) = (true, 0, 0);
        var engine = new EngineRunner([new Pipeline { Name = "p", Process = [new Lambda((docs, context) =>
        {
            // As the modules use it: through the handle first, then by key.
            if (usePage && entries.TryGet(context.Cache, page, (pageKey, layoutKey), out var again))
            {
                (result, found) = (again, found + 1);
            }
            else if (usePage)
            {
                result = entries.GetOrAdd(context.Cache, "test", page, (pageKey, layoutKey),
                    keys => { keysMade++; return keys.Page + "|" + keys.Layout; },
                    () => { resultsMade++; return $"{pageKey} in {layoutKey}"; });
            }

            // Results under new keys each build, so that everything older goes stale.
            round++;
            for (var i = 0; i < others; i++)
            {
                context.Cache.GetOrAdd("other", $"other{round}-{i}", () => i);
            }

            return docs;
        })] }]);
        using var output = new TempFolder();

        await engine.ExecuteAsync(output.Path);
        Assert.Equal(("page-v1 in layout-v1", 1, 1, 0), (result, keysMade, resultsMade, found));

        // Equal inputs, even as other string objects: found through the handle, no key made, nothing rendered.
        pageKey = new string("page-v1".AsSpan());
        await engine.ExecuteAsync(output.Path);
        Assert.Equal(("page-v1 in layout-v1", 1, 1, 1), (result, keysMade, resultsMade, found));

        // One input changed: not found through the handle; a new key and a new result.
        layoutKey = "layout-v2";
        await engine.ExecuteAsync(output.Path);
        Assert.Equal(("page-v1 in layout-v2", 2, 2, 1), (result, keysMade, resultsMade, found));

        // Back to the first inputs: the key is made again, and the cache still has that result.
        layoutKey = "layout-v1";
        await engine.ExecuteAsync(output.Path);
        Assert.Equal(("page-v1 in layout-v1", 3, 2, 1), (result, keysMade, resultsMade, found));

        // Two builds that do not use the page but leave more than StaleAllowed results stale: the
        // cache drops the page's results. With the same inputs, the handle then finds nothing,
        // and the result is made again under the key, which is not made again.
        (usePage, others) = (false, BuildCache.StaleAllowed + 1);
        await engine.ExecuteAsync(output.Path);
        await engine.ExecuteAsync(output.Path);
        (usePage, others) = (true, 0);
        result = null;
        await engine.ExecuteAsync(output.Path);
        Assert.Equal(("page-v1 in layout-v1", 3, 3, 1), (result, keysMade, resultsMade, found));
    }
}
