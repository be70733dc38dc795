namespace LdnSite.Markdown.HeadingAnchors;

using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

/// <summary>Markdig's heading renderer, plus a trailing self-link for h2–h4 that have an id.</summary>
public sealed class AnchoredHeadingRenderer : HtmlObjectRenderer<HeadingBlock>
{
    private static readonly string[] Tags = ["h1", "h2", "h3", "h4", "h5", "h6"];

    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
    {
        var tag = Tags[Math.Clamp(heading.Level, 1, 6) - 1];
        renderer.Write('<').Write(tag).WriteAttributes(heading).Write('>');
        renderer.WriteLeafInline(heading);
        var id = heading.TryGetAttributes()?.Id;
        if (id is not null && heading.Level is >= 2 and <= 4)
        {
            // A no-break space keeps the '#' on the heading's last line.
            renderer.Write("&#160;<a class=\"heading-anchor\" href=\"#").WriteEscapeUrl(id)
                .Write("\" aria-label=\"Link to this section\">#</a>");
        }

        renderer.Write("</").Write(tag).WriteLine('>');
        renderer.EnsureLine();
    }
}
