namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Urls;

/// <summary>Reads each page's front matter into typed metadata and gives the page its output path.</summary>
public sealed class ParseFrontMatter : DocumentModule
{
    /// <inheritdoc />
    protected override Document Process(Document document, IExecutionContext context)
    {
        var (frontMatter, markdown) = FrontMatterReader.Read(document.Source, document.Text);
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
            .With(PageKeys.Markdown, markdown) with { Destination = destination };
    }
}
