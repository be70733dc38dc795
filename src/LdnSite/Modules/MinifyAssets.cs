namespace LdnSite.Modules;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using NUglify;

/// <summary>
/// Minifies scripts and style sheets with NUglify (what Statiq.Minification uses): MiniSearch is
/// published by npm unminified (86 KB, 18.6 KB gzipped; 5.9 KB minified and gzipped), and the
/// theme's script and style sheet load on every page. A syntax error is an error at its line
/// (LDN053), not a broken script in every reader's browser. Cached by the file's text
/// (<see cref="CacheKeys.Minified"/>), so a rebuild minifies only what changed.
/// </summary>
public sealed class MinifyAssets : DocumentModule
{
    /// <inheritdoc />
    protected override Document? Process(Document document, IExecutionContext context)
    {
        var extension = Path.GetExtension(document.Destination);
        if (document.Content is not FileContent file || extension is not (".js" or ".css"))
        {
            return document;
        }

        var text = File.ReadAllText(file.FullPath);
        var (code, errors) = context.Cache.GetOrAdd(nameof(MinifyAssets), CacheKeys.Minified(document.Destination, text), () => Minify(extension, text));
        if (errors.Count > 0)
        {
            // The first error only: one mistake often makes the parser report several.
            var error = errors[0];
            context.Diagnostics.Add(Diagnostic.Error(file.FullPath, Math.Max(1, error.StartLine), Math.Max(1, error.StartColumn), "LDN053",
                $"{(extension == ".js" ? "Script" : "Style sheet")} error: {error.Message.TrimEnd('.')}. Fix it at this line."));
            return null;
        }

        return document with { Content = new BytesContent(System.Text.Encoding.UTF8.GetBytes(code), NamedByContent: true) };
    }

    private static (string Code, IReadOnlyList<NUglify.UglifyError> Errors) Minify(string extension, string text)
    {
        var result = extension == ".js" ? Uglify.Js(text) : Uglify.Css(text);
        return (result.Code ?? "", result.HasErrors ? result.Errors.Where(e => e.IsError).ToList() : []);
    }
}
