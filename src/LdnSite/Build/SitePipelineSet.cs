namespace LdnSite.Build;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Engine.Pipelines;
using LdnSite.Modules;

/// <summary>The pipelines that make this site, each readable at a glance.</summary>
public static class SitePipelineSet
{
    /// <summary>Builds every pipeline for <paramref name="settings"/>.</summary>
    public static IReadOnlyList<Pipeline> Create(SiteSettings settings)
    {
        // What every page reads besides itself, fingerprinted once per build.
        var (pageSet, fileSet) = (new SiteWideMemo<string, SourceSet>(CacheKeys.SourcePart), new SiteWideMemo<string, SourceSet>(CacheKeys.SourcePart));
        var siteInputs = new PerBuild<SiteInputs>(context => SiteInputs.Of(context, settings, pageSet, fileSet));
        return Create(settings, siteInputs);
    }

    private static IReadOnlyList<Pipeline> Create(SiteSettings settings, PerBuild<SiteInputs> siteInputs) =>
    [
        new Pipeline
        {
            Name = SitePipelines.Data,
            Process = [new LoadSiteData(settings.InputFolder)],
        },
        new Pipeline
        {
            Name = SitePipelines.PageSources,
            Input = [ReadFiles.WithExtensions(settings.InputFolder, ".md")],
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
                new CacheDocuments(nameof(CacheKeys.Page), PageCacheKeys(siteInputs),
                    new ParseFrontMatter(), new CheckReviewDates(settings), new CheckPlaceholders(settings), new RenderMarkdown(settings, siteInputs)),
            ],
            PostProcess = [new CheckLinks(), new CheckUncitedReferences(settings), new RenderLayout(settings, siteInputs)],
            Output = [new WriteFiles()],
        },
        new Pipeline
        {
            Name = SitePipelines.Assets,
            Input =
            [
                new ReadFiles(Path.Combine(settings.ThemeFolder, "assets"), _ => true),
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
            Process = [new BuildSitemap(settings), new BuildFeed(settings), new BuildRedirects(settings)],
            Output = [new WriteFiles()],
        },
        new Pipeline
        {
            Name = SitePipelines.SearchIndex,
            Dependencies = [SitePipelines.Content, SitePipelines.Data],
            Process = [new BuildSearchIndex(settings)],
            Output = [new WriteFiles()],
        },
        new Pipeline
        {
            Name = SitePipelines.InputFiles,
            Input = [new ReadFiles(settings.InputFolder, path => !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))],
            Process = [new CheckPublishableFiles(), new SetDestination(source => source)],
            Output = [new WriteFiles()],
        },
    ];

    // A page's key (CacheKeys.Page) is also its RenderKey, which its finished layout is keyed by.
    // A rebuild under a watcher gets each page's document and stamp back unchanged; the key made
    // from them last time is then reused rather than written out again (10,000 strings a rebuild).
    private static Func<IExecutionContext, Func<Document, CacheDocuments.Keyed>> PageCacheKeys(PerBuild<SiteInputs> siteInputs)
    {
        var made = new System.Runtime.CompilerServices.ConditionalWeakTable<Document, CacheKeys.PageKey>();
        return context =>
        {
            var site = siteInputs.For(context);
            return document =>
            {
                var (key, text) = CacheKeys.Page(document, context, site, SourceText.Read, context.Cache.Enabled ? made : null);
                return new CacheDocuments.Keyed(key, text, static (document, keyed) =>
                {
                    var input = document.With(PageKeys.RenderKey, keyed.Key);
                    return keyed.Read is string text ? input.With(PageKeys.SourceSnapshot, text) : input;
                });
            };
        };
    }
}
