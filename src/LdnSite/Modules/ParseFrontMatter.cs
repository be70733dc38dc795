namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Urls;

/// <summary>
/// Reads each page's front matter into typed metadata and gives the page its output path.
/// Cached by the file's hash: a rebuild parses only the files that changed.
/// </summary>
public sealed class ParseFrontMatter : DocumentModule
{
    /// <inheritdoc />
    protected override Document Process(Document document, IExecutionContext context)
    {
        // Only a rebuilding engine looks results up: by the file's stamp (one stat, no read) when
        // the page is a file, else by a hash of its text. A one-shot build skips both.
        var hash = !context.Cache.Enabled ? ""
            : document.Content is FileContent file ? BuildCache.Key(document.Source, file.Stamp)
            : BuildCache.Key(document.Source, document.Text);
        var (frontMatter, markdown) = context.Cache.GetOrAdd(nameof(ParseFrontMatter), hash, () => FrontMatterReader.Read(document.Source, document.Text));
        var destination = SitePaths.DestinationOf(document.Source);
        var page = new PageInfo(
            document.Source,
            destination,
            frontMatter.Title!,
            frontMatter.NavTitle ?? frontMatter.Title!,
            frontMatter.Description!,
            frontMatter.Order,
            frontMatter.Layout,
            frontMatter.HideFromNav);
        return document
            .With(PageKeys.FrontMatter, frontMatter)
            .With(PageKeys.Page, page)
            .With(PageKeys.Markdown, markdown)
            .With(PageKeys.SourceHash, hash) with { Destination = destination };
    }
}
