namespace LdnSite.Markdown.DataBlocks;

using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

/// <summary>
/// Blocks made from the site's data, written in a page as <c>::: name argument</c> followed by
/// <c>:::</c> (see <see cref="DataBlockVisitor"/> for the names). Each is prepared while the page
/// is walked, from the data files, so a new study, finding or organisation shows up on its page
/// without anyone editing the page.
/// </summary>
public sealed class DataBlockExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && html.ObjectRenderers.Find<HtmlCustomContainerRenderer>() is { } containers)
        {
            html.ObjectRenderers.Replace<HtmlCustomContainerRenderer>(new DataBlockRenderer(containers));
        }
    }
}

/// <summary>Writes what was prepared for a data block: its whole HTML, or a frame around the Markdown written inside it.</summary>
public sealed class DataBlockRenderer(HtmlCustomContainerRenderer fallback) : HtmlObjectRenderer<CustomContainer>
{
    /// <summary>Where a block's finished HTML is left on the container.</summary>
    public static readonly object HtmlKey = new();

    /// <summary>Where a framing block's opening and closing HTML is left on the container.</summary>
    public static readonly object FrameKey = new();

    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, CustomContainer container)
    {
        if (container.GetData(HtmlKey) is string html)
        {
            renderer.EnsureLine().Write(html).EnsureLine();
            return;
        }

        if (container.GetData(FrameKey) is (string open, string close))
        {
            renderer.EnsureLine().Write(open).EnsureLine();
            renderer.WriteChildren(container);
            renderer.EnsureLine().Write(close).EnsureLine();
            return;
        }

        fallback.Write(renderer, container);
    }
}

/// <summary>The fluent <c>Use…</c> method, as Markdig's own extensions have.</summary>
public static class DataBlockPipelineExtensions
{
    /// <summary>Renders <c>::: name argument</c> containers as blocks made from the site's data (needs custom containers).</summary>
    public static MarkdownPipelineBuilder UseDataBlocks(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<DataBlockExtension>();
        return pipeline;
    }
}
