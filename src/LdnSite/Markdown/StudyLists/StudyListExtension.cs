namespace LdnSite.Markdown.StudyLists;

using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

/// <summary>
/// A generated list of the studies that cover a condition, written in a page as
/// <c>::: studies crohns</c> followed by <c>:::</c>. The list is built from references.yaml while
/// the page is rendered (<see cref="StudyList"/>), so a new study shows up on its condition's
/// section without anyone editing the page.
/// </summary>
public sealed class StudyListExtension : IMarkdownExtension
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
            html.ObjectRenderers.Replace<HtmlCustomContainerRenderer>(new StudyListRenderer(containers));
        }
    }
}

/// <summary>Writes the list prepared for a <c>studies</c> container; other containers render as before.</summary>
public sealed class StudyListRenderer(HtmlCustomContainerRenderer fallback) : HtmlObjectRenderer<CustomContainer>
{
    /// <summary>Where <see cref="StudyList"/> leaves the finished HTML on the container.</summary>
    public static readonly object DataKey = new();

    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, CustomContainer container)
    {
        if (container.GetData(DataKey) is string html)
        {
            renderer.EnsureLine().Write(html).EnsureLine();
            return;
        }

        fallback.Write(renderer, container);
    }
}

/// <summary>The fluent <c>Use…</c> method, as Markdig's own extensions have.</summary>
public static class StudyListPipelineExtensions
{
    /// <summary>Renders <c>::: studies condition</c> containers as generated study lists (needs custom containers).</summary>
    public static MarkdownPipelineBuilder UseStudyLists(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<StudyListExtension>();
        return pipeline;
    }
}
