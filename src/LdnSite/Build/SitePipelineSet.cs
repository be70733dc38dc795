namespace LdnSite.Build;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Engine.Pipelines;
using LdnSite.Modules;

/// <summary>The pipelines that make this site, each readable at a glance.</summary>
public static class SitePipelineSet
{
    /// <summary>Builds every pipeline for <paramref name="settings"/>, with one register of what a rebuild may reuse.</summary>
    public static IReadOnlyList<Pipeline> Create(SiteSettings settings) => Create(settings, new ReuseRegister(settings));

    private static IReadOnlyList<Pipeline> Create(SiteSettings settings, ReuseRegister reuse) =>
    [
        new Pipeline
        {
            Name = SitePipelines.Data,
            Process = [new LoadSiteData(settings.InputFolder)],
        },
        new Pipeline
        {
            Name = SitePipelines.PageSources,
            Input = [ReadFiles.WithExtensions(settings.InputFolder, PublishRules.Files, ".md")],
        },
        new Pipeline
        {
            Name = SitePipelines.Content,
            Dependencies = [SitePipelines.Data, SitePipelines.PageSources, SitePipelines.InputFiles],
            // Pages are checked even when a data file is broken, so one build reports both.
            RunsAfterFailedDependencies = true,
            Process =
            [
                new ReadPipeline(SitePipelines.PageSources),
                // A rebuild hands back an unchanged page's documents and diagnostics whole.
                new CacheDocuments(ReuseRegister.Pages, PageCacheKeys(reuse),
                    new ParseFrontMatter(), new CheckReviewDates(settings), new CheckPlaceholders(settings), new RenderMarkdown(reuse)),
            ],
            PostProcess = [new CheckLinks(reuse), new CheckUncitedReferences(settings, reuse), new CheckCorrectionPages(), new FindRelatedPages(reuse), new RenderLayout(settings, reuse)],
            Output = [new WriteFiles()],
        },
        new Pipeline
        {
            Name = SitePipelines.Assets,
            Input =
            [
                new ReadFiles(Path.Combine(settings.ThemeFolder, "assets"), _ => true, PublishRules.Files),
            ],
            Process = [new SetDestination(source => "assets/" + source), new MinifyAssets(), new FingerprintAssets()],
            Output = [new WriteFiles()],
        },
        new Pipeline
        {
            Name = SitePipelines.Vendor,
            Input =
            [
                new RequireFiles((Path.Combine(settings.ThemeFolder, "node_modules", "minisearch", "dist", "umd", "index.js"), "assets/vendor/minisearch.js",
                    "run 'npm ci' in the theme folder (the build of src/LdnSite does this for the repository's theme).")),
            ],
            Process = [new MinifyAssets(), new FingerprintAssets()],
            Output = [new WriteFiles()],
        },
        new Pipeline
        {
            Name = SitePipelines.Sitemap,
            Dependencies = [SitePipelines.Content],
            Process = [new BuildSitemap(settings, reuse), new BuildFeed(settings, reuse), new BuildRedirects(settings, reuse)],
            Output = [new WriteFiles()],
        },
        new Pipeline
        {
            Name = SitePipelines.SearchIndex,
            Dependencies = [SitePipelines.Content, SitePipelines.Data],
            Process = [new BuildSearchIndex(settings, reuse.SearchIndex)],
            Output = [new WriteFiles()],
        },
        new Pipeline
        {
            Name = SitePipelines.InputFiles,
            Input = [new ReadFiles(settings.InputFolder, path => !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase), PublishRules.Files)],
            Process = [new CheckPublishableFiles(), new SetDestination(source => source)],
            Output = [new WriteFiles()],
        },
    ];

    // A page's key (CacheKeys.Page) is also its RenderKey, which its finished layout is keyed by.
    // A rebuild under a watcher gets each page's document and stamp back unchanged; the key made
    // from them last time is then reused rather than written out again (ReuseRegister.MadePageKeys).
    private static Func<IExecutionContext, Func<Document, CacheDocuments.Keyed>> PageCacheKeys(ReuseRegister reuse) =>
        context =>
        {
            var site = reuse.SiteInputs.For(context);
            return document =>
            {
                var (key, text) = CacheKeys.Page(document, context, site, SourceText.Read, context.Cache.Enabled ? reuse.MadePageKeys : null);
                return new CacheDocuments.Keyed(key, text, static (document, keyed) =>
                {
                    var input = document.With(PageKeys.RenderKey, keyed.Key);
                    return keyed.Read is string text ? input.With(PageKeys.SourceSnapshot, text) : input;
                });
            };
        };
}
