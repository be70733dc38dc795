namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Urls;

/// <summary>
/// Reads each page's file once (<see cref="SourceText"/>), its front matter into typed metadata,
/// and gives the page its output path. Runs inside the Content pipeline's cached chain
/// (<see cref="CacheKeys.Page"/>): a rebuild parses only the pages that changed.
/// </summary>
public sealed class ParseFrontMatter : DocumentModule
{
    /// <inheritdoc />
    protected override Document Process(Document document, IExecutionContext context)
    {
        // The file is read here, at most once; everything after works from this one snapshot
        // (or from the one the page's cache key was made of).
        if (PublishRules.SiteFolderOf(document.Source) is { } siteFolder)
        {
            throw new Engine.Diagnostics.InputException(PublishRules.InSiteFolder(document.Source, siteFolder));
        }

        var text = document.Metadata.GetOrDefault(PageKeys.SourceSnapshot, null!) ?? SourceText.Read(document);
        var (frontMatter, markdown) = FrontMatterReader.Read(document.Source, text);
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
            .Without(PageKeys.SourceSnapshot) with { Destination = destination };
    }
}
