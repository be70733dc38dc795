namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Urls;

/// <summary>
/// Reads each page's file once (<see cref="SourceText"/>), its front matter into typed metadata,
/// and gives the page its output path. Cached by <see cref="CacheKeys.Source"/>: a rebuild parses
/// only the files that changed.
/// </summary>
public sealed class ParseFrontMatter : DocumentModule
{
    /// <inheritdoc />
    protected override Document Process(Document document, IExecutionContext context)
    {
        // The file is read here, at most once; everything after works from this one snapshot.
        // Only a rebuilding engine looks results up (CacheKeys.Source says by what); a one-shot
        // build reads every page and keeps nothing.
        string? text = null;
        var hash = "";
        if (context.Cache.Enabled)
        {
            (hash, text) = CacheKeys.Source(document, context.Started, () => SourceText.Read(document));
        }

        var (frontMatter, markdown) = context.Cache.GetOrAdd(nameof(ParseFrontMatter), hash, () => FrontMatterReader.Read(document.Source, text ?? SourceText.Read(document)));
        var destination = SitePaths.DestinationOf(document.Source);
        var page = new PageInfo(
            document.Source,
            destination,
            frontMatter.Title!,
            frontMatter.NavTitle ?? frontMatter.Title!,
            frontMatter.Description!,
            frontMatter.Order,
            frontMatter.Layout,
            frontMatter.HideFromNav,
            frontMatter.Nonmedical);
        return document
            .With(PageKeys.FrontMatter, frontMatter)
            .With(PageKeys.Page, page)
            .With(PageKeys.Markdown, markdown)
            .With(PageKeys.SourceHash, hash) with { Destination = destination };
    }
}
