namespace LdnSite.Theme;

using LdnSite.Engine.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

/// <summary>
/// The theme's Scriban layouts (<c>theme/layouts/*.html</c>) and partials
/// (<c>theme/layouts/partials/*.html</c>), parsed once per build and shared by every page.
/// </summary>
public sealed class ThemeTemplates : ITemplateLoader
{
    private readonly Dictionary<string, Template> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _partials = new(StringComparer.Ordinal);

    private ThemeTemplates(string themeFolder) => LayoutsFolder = Path.Combine(themeFolder, "layouts");

    /// <summary>Folder the layouts are read from.</summary>
    public string LayoutsFolder { get; }

    /// <summary>Layout names the theme provides.</summary>
    public IReadOnlyCollection<string> Layouts => _layouts.Keys;

    /// <summary>Parses every layout and partial; template syntax errors are reported with file and line.</summary>
    public static ThemeTemplates Load(string themeFolder, DiagnosticBag diagnostics)
    {
        var theme = new ThemeTemplates(themeFolder);
        foreach (var (folder, into) in new[] { (theme.LayoutsFolder, theme._layouts), (Path.Combine(theme.LayoutsFolder, "partials"), theme._partials) })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.html").Order(StringComparer.Ordinal))
            {
                var template = Template.Parse(File.ReadAllText(file), file);
                foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                {
                    diagnostics.Add(Diagnostic.Error(file, message.Span.Start.Line + 1, message.Span.Start.Column + 1, "LDN050", $"Template error: {message.Message}"));
                }

                into[Path.GetFullPath(file)] = template;
                if (into == theme._layouts)
                {
                    theme._layouts[Path.GetFileNameWithoutExtension(file)] = template;
                }
            }
        }

        return theme;
    }

    /// <summary>The layout of that name, or null.</summary>
    public Template? Layout(string name) => _layouts.GetValueOrDefault(name);

    /// <summary>A fresh context whose includes resolve to the already parsed partials.</summary>
    public TemplateContext NewContext()
    {
        var context = new TemplateContext
        {
            TemplateLoader = this,
            StrictVariables = true,
            LoopLimit = int.MaxValue,
            EnableRelaxedMemberAccess = true,
        };
        foreach (var (path, template) in _partials)
        {
            context.CachedTemplates[path] = template;
        }

        return context;
    }

    /// <inheritdoc />
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        Path.GetFullPath(Path.Combine(LayoutsFolder, "partials", templateName + ".html"));

    /// <inheritdoc />
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    /// <inheritdoc />
    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new(File.ReadAllText(templatePath));
}
