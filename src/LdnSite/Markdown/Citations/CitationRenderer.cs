namespace LdnSite.Markdown.Citations;

using Markdig.Renderers;
using Markdig.Renderers.Html;

/// <summary>Renders a citation as bracketed numbers linking to the page's reference list.</summary>
public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, CitationInline citation)
    {
        renderer.Write("<sup class=\"citation\">[");
        for (var i = 0; i < citation.Keys.Count; i++)
        {
            if (i > 0)
            {
                renderer.Write(", ");
            }

            var number = citation.Numbers[i];
            if (number == 0)
            {
                renderer.Write("<span class=\"citation-missing\">?</span>");
                continue;
            }

            renderer.Write("<a href=\"#ref-").Write(number.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Write("\" id=\"").Write(citation.OccurrenceIds[i])
                .Write("\" role=\"doc-noteref\" aria-label=\"Reference ").Write(number.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Write("\">").Write(number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write("</a>");
        }

        renderer.Write("]</sup>");
    }
}
