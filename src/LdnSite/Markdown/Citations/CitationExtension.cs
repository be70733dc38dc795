namespace LdnSite.Markdown.Citations;

using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

/// <summary>Pandoc-style citations: <c>[@key]</c> becomes a numbered link to the page's reference list.</summary>
public sealed class CitationExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CitationInlineParser>())
        {
            // Before links, or "[@key]" would be read as the start of a link.
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationInlineParser());
        }
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationRenderer>())
        {
            html.ObjectRenderers.Add(new CitationRenderer());
        }
    }
}

/// <summary>The fluent <c>Use…</c> method.</summary>
public static class CitationPipelineExtensions
{
    /// <summary>Adds Pandoc-style citations.</summary>
    public static MarkdownPipelineBuilder UsePandocCitations(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<CitationExtension>();
        return pipeline;
    }
}
