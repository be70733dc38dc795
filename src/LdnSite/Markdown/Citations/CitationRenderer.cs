namespace LdnSite.Markdown.Citations;

using Markdig.Renderers;
using Markdig.Renderers.Html;

/// <summary>Renders a citation as bracketed numbers linking to the page's reference list.</summary>
public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, CitationInline citation)
    {
        if (citation.NoBreakBefore)
        {
            renderer.Write('\u00A0');
        }

        renderer.Write("<sup class=\"citation\">[");
        // A group lists its sources in number order ("[2, 4]"), unknown keys last.
        var order = Enumerable.Range(0, citation.Keys.Count).OrderBy(i => citation.Numbers[i] == 0 ? int.MaxValue : citation.Numbers[i]).ToList();
        for (var n = 0; n < order.Count; n++)
        {
            var i = order[n];
            if (n > 0)
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
                .Write("\" id=\"").Write(CitedSource.OccurrenceId(number, citation.Occurrences[i]))
                .Write("\" role=\"doc-noteref\" aria-label=\"Reference ").Write(number.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Write("\">").Write(number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write("</a>");
        }

        renderer.Write("]</sup>");
    }
}
