namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Theme;
using Scriban.Runtime;
using Scriban.Syntax;

/// <summary>
/// Wraps each page's body in its layout from the theme. In a one-shot build a page is rendered
/// when it is written, so a large site never holds every finished page in memory (a template
/// error still fails the build before the staged output is swapped in). A rebuilding engine
/// renders here, from its cache, so errors surface before anything is written in place.
/// </summary>
public sealed class RenderLayout(SiteSettings settings, ReuseRegister reuse) : IModule
{
    /// <summary>Optional JSON-LD a page carries into its layout.</summary>
    public static readonly MetadataKey<string> JsonLd = new("json-ld");

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var unreadable = new List<Diagnostic>();
        var themeFiles = ThemeTemplates.ReadFiles(settings.ThemeFolder, unreadable);
        if (unreadable.Count > 0)
        {
            unreadable.ForEach(context.Diagnostics.Add);
            return Task.FromResult<IReadOnlyList<Document>>([]);
        }

        var themeKey = BuildCache.Key(themeFiles.SelectMany(f => new[] { f.Path, f.Text }).ToArray());
        var templates = ReuseRegister.Themes.GetOrAdd(context.Cache, themeKey, () => ThemeTemplates.Load(settings.ThemeFolder, themeFiles));
        foreach (var error in templates.Errors)
        {
            context.Diagnostics.Add(error);
        }

        if (templates.Errors.Count > 0)
        {
            return Task.FromResult<IReadOnlyList<Document>>([]);
        }

        var site = reuse.SiteInputs.For(context);
        var assets = Assets.AssetModel.From(new[] { SitePipelines.Assets, SitePipelines.Vendor, SitePipelines.SearchIndex }.SelectMany(context.Outputs));
        var navigation = reuse.Navigation.For(context, inputs, "", _ =>
        {
            var pages = inputs.Select(d => d.Get(PageKeys.Page)).ToList();
            return (Navigation.SiteNavigation.Build(pages), CacheKeys.Navigation(pages));
        });
        var models = new PageModelBuilder(settings, inputs, navigation, site.Data, templates, assets);

        var layoutsKey = CacheKeys.Layouts(themeKey, models.NavigationFingerprint, assets.Fingerprint, site);
        var rendered = new List<(Document Document, Scriban.Template Layout)>(inputs.Count);
        foreach (var document in inputs)
        {
            var page = document.Get(PageKeys.Page);
            if (templates.Layout(page.Layout) is not { } layout)
            {
                context.Diagnostics.Add(Diagnostic.Error(page.Source, 1, 1, "LDN051",
                    $"Layout '{page.Layout}' does not exist; use one of: {string.Join(", ", templates.Layouts.Order(StringComparer.Ordinal))}."));
                continue;
            }

            rendered.Add((document, layout));
        }

        if (!context.Cache.Enabled)
        {
            // A one-shot build keeps and compares nothing, so a page goes from the builder to its file.
            IReadOnlyList<Document> deferred = [.. rendered.Select(p => p.Document with { Content = new BuiltTextContent(() =>
            {
                var (text, error) = Render(p.Layout, templates, models, p.Document);
                return Reported(text, error, context);
            }) })];
            return Task.FromResult(deferred);
        }

        // Rendered (or found in the cache) here, so template errors surface before anything is
        // written in place, and kept as text: the cached string itself, which the writer
        // recognises as unchanged without working out the page's key a second time.
        var finished = new Document[rendered.Count];
        Parallel.For(0, rendered.Count, new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (document, layout) = rendered[i];
            var text = Produce(document, layout, templates, models, layoutsKey, context);
            // The same page with the same cached text is the same finished document as last time,
            // which the writer then skips by identity.
            if (!(reuse.FinishedPages.TryGetValue(document, out var known) && known.Content is TextContent { Text: var was } && ReferenceEquals(was, text)))
            {
                known = document with { Content = new TextContent(text) };
                reuse.FinishedPages.AddOrUpdate(document, known);
            }

            finished[i] = known;
        });
        return Task.FromResult<IReadOnlyList<Document>>(finished);
    }

    // A rebuild after a body-only edit re-renders one page; a title, order, data, theme or
    // settings change re-renders all.
    private string Produce(Document document, Scriban.Template layout, ThemeTemplates templates, PageModelBuilder models, string layoutsKey, IExecutionContext context)
    {
        if (document.Get(PageKeys.Page).Kind.RenderedEveryBuild)
        {
            // The site-wide references and evidence pages depend on every page's citations, so they are always rendered.
            var (text, error) = Render(layout, templates, models, document);
            return Reported(text, error, context).ToString();
        }

        // Keyed by CacheKeys.Layout of the page's key and the layouts' key, which is made again
        // only when either changed. Kept with its error, if any: a failed page must fail every
        // build that reuses it.
        // A page's related pages are shown by its layout, so they are part of its key.
        var inputs = (document.Get(PageKeys.RenderKey) + CacheKeys.RelatedLayoutPart(document), layoutsKey);
        var finished = reuse.Layouts.TryGet(context.Cache, document, inputs, out var again) ? again : Made(document, inputs, layout, templates, models, context);
        return Reported(finished.Text, finished.Error, context);
    }

    // Apart from Produce, so that the closure below is made only when the entry is not found by its handle.
    private Finished Made(Document document, (string PageKey, string LayoutsKey) inputs, Scriban.Template layout, ThemeTemplates templates, PageModelBuilder models, IExecutionContext context) =>
        reuse.Layouts.GetOrAdd(context.Cache, ReuseRegister.FinishedLayouts, document, inputs,
            static keys => CacheKeys.Layout(keys.PageKey, keys.LayoutsKey), () =>
            {
                var (text, error) = Render(layout, templates, models, document);
                return new Finished(text.ToString(), error);
            });

    // A finished page, and the template error that left it empty (if any).
    internal sealed record Finished(string Text, Diagnostic? Error);

    private static T Reported<T>(T text, Diagnostic? error, IExecutionContext context)
    {
        if (error is not null)
        {
            context.Diagnostics.Add(error);
        }

        return text;
    }

    private static (System.Text.StringBuilder Text, Diagnostic? Error) Render(Scriban.Template layout, ThemeTemplates templates, PageModelBuilder models, Document document)
    {
        var body = document.Get(PageKeys.Body).ToString();
        try
        {
            // Inside the try: building the model renders the menu and section partials, whose mistakes are theme errors too.
            var (pageModel, siteModel) = models.Build(document, body, document.Metadata.GetOrDefault(JsonLd, null!));
            return (templates.RenderInto(layout, new ScriptObject { ["page"] = pageModel, ["site"] = siteModel }), null);
        }
        catch (ScriptRuntimeException e)
        {
            // A limit (loops, recursion, output size) or a mistake in the theme: a clear error, never a truncated page.
            return (new System.Text.StringBuilder(), Diagnostic.Error(e.Span.FileName, e.Span.Start.Line + 1, e.Span.Start.Column + 1, "LDN052",
                $"Template error while rendering {document.Source}: {e.OriginalMessage}"));
        }
    }
}
