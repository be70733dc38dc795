namespace LdnSite.Theme;

using LdnSite.Engine.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

/// <summary>The documented limits every layout runs under.</summary>
public static class TemplateLimits
{
    /// <summary>Loop iterations per render (all loops together).</summary>
    public const int LoopIterations = 1_000_000;

    /// <summary>Nested function calls and includes.</summary>
    public const int Recursion = 64;

    /// <summary>Characters one page may render to (a page's source is at most 8 MB).</summary>
    public const int OutputCharacters = 64 * 1024 * 1024;
}

/// <summary>
/// The theme's Scriban layouts (<c>theme/layouts/*.html</c>) and partials
/// (<c>theme/layouts/partials/*.html</c>), parsed once per build and shared by every page.
/// </summary>
public sealed class ThemeTemplates : ITemplateLoader
{
    private readonly Dictionary<string, Template> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _partials = new(StringComparer.Ordinal);

    // Each partial's text as read once with the layouts: an include never reads the disk again.
    private readonly Dictionary<string, string> _partialTexts = new(StringComparer.Ordinal);

    private ThemeTemplates(string themeFolder)
    {
        LayoutsFolder = Path.Combine(themeFolder, "layouts");
        _contexts = new ThreadLocal<TemplateContext>(NewContext);
    }

    /// <summary>Folder the layouts are read from.</summary>
    public string LayoutsFolder { get; }

    /// <summary>Layout names the theme provides.</summary>
    public IReadOnlyCollection<string> Layouts => _layouts.Keys;

    /// <summary>Template syntax errors, with file and line.</summary>
    public IReadOnlyList<Diagnostic> Errors => _errors;

    private readonly List<Diagnostic> _errors = [];

    /// <summary>
    /// Every layout and partial file with its text, in a stable order, each read through the
    /// engine's checked reader; a file that may not be read (a named pipe, a link out of the
    /// theme, over 1 MB, not UTF-8) is one of <paramref name="unreadable"/> instead (LDN016).
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> ReadFiles(string themeFolder, List<Diagnostic> unreadable)
    {
        var layouts = Path.Combine(themeFolder, "layouts");
        var files = new List<(string Path, string Text)>();
        foreach (var file in new[] { layouts, Path.Combine(layouts, "partials") }
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.html").Order(StringComparer.Ordinal)))
        {
            try
            {
                files.Add((file, Engine.Input.CheckedFile.ReadText(file, themeFolder, 1024 * 1024)));
            }
            catch (Engine.Documents.CheckedFileException e)
            {
                unreadable.Add(Diagnostic.Error(file, 0, 0, "LDN016", $"This layout is not read: {e.Message}. Make it a plain text file inside the theme folder."));
            }
        }

        return files;
    }

    /// <summary>Parses every layout and partial of <paramref name="files"/> (from <see cref="ReadFiles"/>).</summary>
    public static ThemeTemplates Load(string themeFolder, IReadOnlyList<(string Path, string Text)> files)
    {
        var theme = new ThemeTemplates(themeFolder);
        var partialsFolder = Path.GetFullPath(Path.Combine(theme.LayoutsFolder, "partials"));
        foreach (var (file, text) in files)
        {
            var template = Template.Parse(text, file);
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
            {
                theme._errors.Add(Diagnostic.Error(file, message.Span.Start.Line + 1, message.Span.Start.Column + 1, "LDN050", $"Template error: {message.Message}"));
            }

            // Partials are found by the path the loader resolves; layouts by name.
            if (Path.GetDirectoryName(Path.GetFullPath(file)) == partialsFolder)
            {
                theme._partials[Path.GetFullPath(file)] = template;
                theme._partialTexts[Path.GetFullPath(file)] = text;
            }
            else
            {
                theme._layouts[Path.GetFileNameWithoutExtension(file)] = template;
            }
        }

        return theme;
    }

    /// <summary>The layout of that name, or null.</summary>
    public Template? Layout(string name) => _layouts.GetValueOrDefault(name);

    // Creating a TemplateContext builds Scriban's whole library of built-in functions; doing it
    // once per thread instead of once per page more than halves layout time.
    private readonly ThreadLocal<TemplateContext> _contexts;

    // Pages are tens of kilobytes; a builder kept per thread stops the output from being regrown for every page.
    private readonly ThreadLocal<System.Text.StringBuilder> _buffers = new(() => new System.Text.StringBuilder(64 * 1024));

    /// <summary>Renders <paramref name="layout"/> with <paramref name="globals"/> on this thread's reusable context.</summary>
    public string Render(Template layout, ScriptObject globals) => RenderInto(layout, globals).ToString();

    /// <summary>
    /// Renders <paramref name="layout"/> into this thread's reusable builder and returns it, valid
    /// until the next render on this thread: a page can then be written without first becoming a
    /// string (at 50 KB, a string is a large object, which only a full collection reclaims).
    /// </summary>
    public System.Text.StringBuilder RenderInto(Template layout, ScriptObject globals)
    {
        var context = _contexts.Value!;
        var builder = _buffers.Value!.Clear();
        context.PushOutput(new PageOutput(builder));
        context.PushGlobal(globals);
        try
        {
            // Template.Render, for what it sets up per render: evaluating the page directly let the
            // output limit's count run on from page to page (the build failed at about the
            // 1,400th page). The string it returns is PageOutput's empty one; the page stays in the builder.
            layout.Render(context);
            return builder;
        }
        catch
        {
            // A render that failed part-way (a limit, a theme mistake) can leave state behind in
            // the context, such as the depth a recursion limit counted: this thread starts afresh.
            _contexts.Value = NewContext();
            throw;
        }
        finally
        {
            context.PopGlobal();
            context.PopOutput();
        }
    }

    /// <summary>Renders the partial <paramref name="name"/> with <paramref name="globals"/>.</summary>
    public string RenderPartial(string name, ScriptObject globals) =>
        Render(_partials[PartialPath(name)], globals);

    /// <summary>Whether the theme has the partial <paramref name="name"/> (a theme may leave out the ones the engine renders for it).</summary>
    public bool HasPartial(string name) => _partials.ContainsKey(PartialPath(name));

    private string PartialPath(string name) => Path.GetFullPath(Path.Combine(LayoutsFolder, "partials", name + ".html"));

    private TemplateContext NewContext()
    {
        var context = new TemplateContext
        {
            TemplateLoader = this,
            StrictVariables = true,
            EnableRelaxedMemberAccess = true,
            // Limits, so a theme mistake such as '{{ while true }}' fails within seconds, and a
            // long page is rendered whole or fails: Scriban's default is to cut output at 1 MB.
            LoopLimit = TemplateLimits.LoopIterations,
            RecursiveLimit = TemplateLimits.Recursion,
            LimitToString = TemplateLimits.OutputCharacters,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = TemplateLimits.OutputCharacters,
            OnOutputLimit = ScriptLimitBehavior.Throw,
        };
        foreach (var (path, template) in _partials)
        {
            context.CachedTemplates[path] = template;
        }

        context.BuiltinObject.SetValue("include", new InlineInclude(), readOnly: true);
        // No regular expressions in layouts: Scriban limits each match in time, not their number,
        // so a catastrophic pattern in a loop could hold a build for hours, and a layout needs none.
        context.BuiltinObject.Remove("regex");

        return context;
    }

    /// <summary>
    /// The partial <paramref name="templateName"/> names. Only the theme's own partials can be
    /// included: a name such as <c>../../secrets</c> would otherwise read any file into a page.
    /// </summary>
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var path = PartialPath(templateName);
        return _partials.ContainsKey(path)
            ? path
            : throw new ScriptRuntimeException(callerSpan,
                $"There is no partial '{templateName}'; use one of: {string.Join(", ", _partials.Keys.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))}.");
    }

    /// <inheritdoc />
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => _partialTexts[templatePath];

    /// <inheritdoc />
    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new(_partialTexts[templatePath]);
}

/// <summary>
/// Scriban output into a builder that outlives the render. Scriban's own StringBuilderOutput is
/// copied into a string and cleared at the end of every render; this one leaves the text where
/// it is, and its <see cref="ToString"/> is empty.
/// </summary>
internal sealed class PageOutput(System.Text.StringBuilder builder) : IScriptOutput
{
    /// <inheritdoc />
    public void Write(string text, int offset, int count) => builder.Append(text, offset, count);

    /// <inheritdoc />
    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        builder.Append(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>Empty: the page is read from the builder.</summary>
    public override string ToString() => "";
}
