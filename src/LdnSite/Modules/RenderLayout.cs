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
        var templates = ThemeTemplates.Load(settings.ThemeFolder, context.Diagnostics);
        if (context.Diagnostics.HasErrors)
        {
            return Task.FromResult<IReadOnlyList<Document>>([]);
        }

        var data = SiteData.From(context);
        var models = new PageModelBuilder(settings, inputs, data);
        var results = new Document?[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            var document = inputs[i];
            var page = document.Get(PageKeys.Page);
            var layout = templates.Layout(page.Layout);
            if (layout is null)
            {
                context.Diagnostics.Add(Diagnostic.Error(page.Source, 1, 1, "LDN051",
                    $"Layout '{page.Layout}' does not exist; use one of: {string.Join(", ", templates.Layouts.Where(l => !l.Contains('/')).Order())}."));
                return;
            }

            var (pageModel, siteModel) = models.Build(document, document.Metadata.GetOrDefault(JsonLd, null!));
            var globals = new ScriptObject { ["page"] = pageModel, ["site"] = siteModel };
            var templateContext = templates.NewContext();
            templateContext.PushGlobal(globals);
            try
            {
                results[i] = document.WithText(layout.Render(templateContext));
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
}
