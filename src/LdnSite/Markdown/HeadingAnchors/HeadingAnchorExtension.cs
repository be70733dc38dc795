namespace LdnSite.Markdown.HeadingAnchors;

using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

/// <summary>Gives each h2–h4 a visible link to itself, so readers can share a section.</summary>
public sealed class HeadingAnchorExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Replace<HeadingRenderer>(new AnchoredHeadingRenderer());
        }
    }
}

/// <summary>The fluent <c>Use…</c> method, as Markdig's own extensions have.</summary>
public static class HeadingAnchorPipelineExtensions
{
    /// <summary>Adds self-links to headings (needs heading ids, e.g. from auto identifiers).</summary>
    public static MarkdownPipelineBuilder UseHeadingAnchors(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<HeadingAnchorExtension>();
        return pipeline;
    }
}
