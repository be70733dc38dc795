namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Theme;
using Scriban.Runtime;
using Scriban.Syntax;

/// <summary>Wraps each page's body in its layout from the theme, in parallel.</summary>
public sealed class RenderLayout(SiteSettings settings) : IModule
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

        var data = SiteData.From(context);
        var models = new PageModelBuilder(settings, inputs, data, templates);
        // Everything besides the page itself that its HTML depends on: a rebuild after a body-only
        // edit re-renders one page; a title, order, data, theme or settings change re-renders all.
        var siteKey = BuildCache.Key(themeKey, models.NavigationFingerprint, data.Fingerprint, settings.ToString());
        var results = new Document?[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            var document = inputs[i];
            var page = document.Get(PageKeys.Page);
            var layout = templates.Layout(page.Layout);
            if (layout is null)
            {
                context.Diagnostics.Add(Diagnostic.Error(page.Source, 1, 1, "LDN051",
                    $"Layout '{page.Layout}' does not exist; use one of: {string.Join(", ", templates.Layouts.Order(StringComparer.Ordinal))}."));
                return;
            }

            try
            {
                // The site-wide references page depends on every page's citations, so it is always rendered.
                var html = page.Layout == "references"
                    ? Render(layout, templates, models, document)
                    : context.Cache.GetOrAdd(nameof(RenderLayout), BuildCache.Key(document.Get(PageKeys.SourceHash), siteKey), () => Render(layout, templates, models, document));
                results[i] = document.WithText(html);
            }
            catch (ScriptRuntimeException e)
            {
                context.Diagnostics.Add(Diagnostic.Error(e.Span.FileName, e.Span.Start.Line + 1, e.Span.Start.Column + 1, "LDN052",
                    $"Template error while rendering {page.Source}: {e.OriginalMessage}"));
            }
        });
        IReadOnlyList<Document> rendered = results.OfType<Document>().ToList();
        return Task.FromResult(rendered);
    }

    private static string Render(Scriban.Template layout, ThemeTemplates templates, PageModelBuilder models, Document document)
    {
        var (pageModel, siteModel) = models.Build(document, document.Metadata.GetOrDefault(JsonLd, null!));
        return templates.Render(layout, new ScriptObject { ["page"] = pageModel, ["site"] = siteModel });
    }
}
