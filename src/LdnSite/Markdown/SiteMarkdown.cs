namespace LdnSite.Markdown;

using LdnSite.Markdown.Citations;
using LdnSite.Markdown.Glossary;
using LdnSite.Markdown.HeadingAnchors;
using LdnSite.Markdown.DataBlocks;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

/// <summary>
/// The one Markdig pipeline every page is parsed and rendered with. Built once per process:
/// nothing in it depends on the content, so it is safe to share across threads and builds.
/// </summary>
public static class SiteMarkdown
{
    /// <summary>
    /// Markdig's advanced extensions, less media links (they embed players from other sites,
    /// which breaks offline reading and a strict Content-Security-Policy), with GitHub-style
    /// heading ids so anchors stay stable when a heading's neighbours change.
    /// </summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePandocCitations()
        .UseAbbreviations()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseCustomContainers()
        .UseDataBlocks()
        .UseDefinitionLists()
        .UseEmphasisExtras()
        .UseFigures()
        .UseFooters()
        .UseGridTables()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseHeadingAnchors()
        .UseGlossaryTerms()
        .UseGenericAttributes()
        .Build();
}
