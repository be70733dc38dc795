namespace LdnSite.Modules;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using NUglify;

/// <summary>
/// Minifies scripts and style sheets with NUglify (what Statiq.Minification uses): MiniSearch is
/// published by npm unminified (86 KB, 18.6 KB gzipped; 5.9 KB minified and gzipped), and the
/// theme's script and style sheet load on every page. A file NUglify cannot parse (a mistake, or
/// syntax newer than it reads) is published as it is, with a warning at the line (LDN053). Cached by the file's text
/// (<see cref="CacheKeys.Minified"/>), so a rebuild minifies only what changed.
/// </summary>
public sealed class MinifyAssets : DocumentModule
{
    /// <inheritdoc />
    protected override Document Process(Document document, IExecutionContext context)
    {
        var extension = Path.GetExtension(document.Destination);
        if (document.Content is not FileContent file || extension is not (".js" or ".css"))
        {
            return document;
        }

        var text = file.ReadText();
        var (code, errors) = ReuseRegister.Minified.GetOrAdd(context.Cache, CacheKeys.Minified(document.Destination, text), () => Minify(extension, text));
        if (errors.Count > 0)
        {
            // Published as it is, with one warning (the first error: one mistake often makes the
            // parser report several). It may be a real mistake, or newer syntax than NUglify reads;
            // either way the file the author wrote is what readers get, never a half-minified one.
            var error = errors[0];
            context.Diagnostics.Add(Diagnostic.Warning(file.FullPath, Math.Max(1, error.StartLine), Math.Max(1, error.StartColumn), "LDN053",
                $"Could not minify this {(extension == ".js" ? "script" : "style sheet")} ({error.Message.TrimEnd('.')}); it is published unminified. Fix the line if it is a mistake."));
            return document;
        }

        return document with { Content = new BytesContent(System.Text.Encoding.UTF8.GetBytes(code), NamedByContent: true) };
    }

    private static (string Code, IReadOnlyList<NUglify.UglifyError> Errors) Minify(string extension, string text)
    {
        var result = extension == ".js" ? Uglify.Js(text) : Uglify.Css(text);
        return (result.Code ?? "", result.HasErrors ? result.Errors.Where(e => e.IsError).ToList() : []);
    }
}
