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
public sealed class RenderLayout(SiteSettings settings, PerBuild<SiteInputs> siteInputs) : IModule
{
    /// <summary>Optional JSON-LD a page carries into its layout.</summary>
    public static readonly MetadataKey<string> JsonLd = new("json-ld");

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var themeFiles = ThemeTemplates.ReadFiles(settings.ThemeFolder);
        var themeKey = BuildCache.Key(themeFiles.SelectMany(f => new[] { f.Path, f.Text }).ToArray());
        var templates = context.Cache.GetOrAdd("Theme", themeKey, () => ThemeTemplates.Load(settings.ThemeFolder, themeFiles));
        foreach (var error in templates.Errors)
        {
            context.Diagnostics.Add(error);
        }

        if (templates.Errors.Count > 0)
        {
            return Task.FromResult<IReadOnlyList<Document>>([]);
        }

        var site = siteInputs.For(context);
        var assets = Assets.AssetModel.From(new[] { SitePipelines.Assets, SitePipelines.Vendor, SitePipelines.SearchIndex }.SelectMany(context.Outputs));
        var models = new PageModelBuilder(settings, inputs, site.Data, templates, assets);

        var layoutsKey = CacheKeys.Layouts(themeKey, models.NavigationFingerprint, assets.Fingerprint, site);
        var results = new List<Document>(inputs.Count);
        foreach (var document in inputs)
        {
            var page = document.Get(PageKeys.Page);
            var layout = templates.Layout(page.Layout);
            if (layout is null)
            {
                context.Diagnostics.Add(Diagnostic.Error(page.Source, 1, 1, "LDN051",
                    $"Layout '{page.Layout}' does not exist; use one of: {string.Join(", ", templates.Layouts.Order(StringComparer.Ordinal))}."));
                continue;
            }

            // A rebuild after a body-only edit re-renders one page; a title, order, data, theme or
            // settings change re-renders all.
            System.Text.StringBuilder Build()
            {
                var (text, error) = Render(layout, templates, models, document);
                return Reported(text, error, context);
            }

            Finished Finish()
            {
                var (text, error) = Render(layout, templates, models, document);
                return new Finished(text.ToString(), error);
            }

            string Produce()
            {
                if (page.Layout is "references" or "evidence")
                {
                    // The site-wide references and evidence pages depend on every page's citations, so they are always rendered.
                    return Build().ToString();
                }

                // Kept with its error, if any: a failed page must fail every build that reuses it.
                var finished = context.Cache.GetOrAdd(nameof(RenderLayout), CacheKeys.Layout(document.Get(PageKeys.RenderKey), layoutsKey), Finish);
                return Reported(finished.Text, finished.Error, context);
            }

            // A one-shot build keeps and compares nothing, so a page goes from the builder to its file.
            results.Add(document with { Content = context.Cache.Enabled ? new DeferredTextContent(Produce) : new BuiltTextContent(Build) });
        }

        if (context.Cache.Enabled)
        {
            // Rendered (or found in the cache) here, so template errors surface before anything is
            // written in place, and kept as text: the cached string itself, which the writer
            // recognises as unchanged without working out the page's key a second time.
            var finished = new Document[results.Count];
            Parallel.For(0, results.Count, new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => finished[i] = results[i] with { Content = new TextContent(results[i].Content.ReadText()) });
            return Task.FromResult<IReadOnlyList<Document>>(finished);
        }

        return Task.FromResult<IReadOnlyList<Document>>(results);
    }

    // A finished page, and the template error that left it empty (if any).
    private sealed record Finished(string Text, Diagnostic? Error);

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
