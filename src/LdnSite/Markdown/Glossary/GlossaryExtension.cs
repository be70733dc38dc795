namespace LdnSite.Markdown.Glossary;

using Markdig;
using Markdig.Renderers;

/// <summary>Registers the renderer for glossary terms; <see cref="GlossaryLinker"/> places them after parsing.</summary>
public sealed class GlossaryExtension : IMarkdownExtension
{
    /// <inheritdoc />
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    /// <inheritdoc />
    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<GlossaryRenderer>())
        {
            html.ObjectRenderers.Add(new GlossaryRenderer());
        }
    }
}

/// <summary>The fluent <c>Use…</c> method.</summary>
public static class GlossaryPipelineExtensions
{
    /// <summary>Adds rendering of glossary terms.</summary>
    public static MarkdownPipelineBuilder UseGlossaryTerms(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<GlossaryExtension>();
        return pipeline;
    }
}
