namespace LdnSite.Markdown.Glossary;

using Markdig.Renderers;
using Markdig.Renderers.Html;

/// <summary>
/// Renders a glossary term as a link to its entry, followed by a tooltip the link is described
/// by; CSS shows the tooltip on hover and on keyboard focus, so no script is needed.
/// </summary>
public sealed class GlossaryRenderer : HtmlObjectRenderer<GlossaryInline>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, GlossaryInline term)
    {
        renderer.Write("<span class=\"glossary\"><a class=\"glossary-term\" href=\"").WriteEscapeUrl(term.Href)
            .Write("\" aria-describedby=\"").Write(term.TipId).Write("\">").WriteEscape(term.Text)
            .Write("</a><span class=\"glossary-term__tip\" role=\"tooltip\" id=\"").Write(term.TipId).Write("\">")
            .WriteEscape(term.Definition).Write("</span></span>");
    }
}
