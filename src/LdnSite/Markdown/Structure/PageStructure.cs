namespace LdnSite.Markdown.Structure;

using LdnSite.Content;
using Markdig.Renderers.Html;
using Markdig.Syntax;

/// <summary>What one walk over a page's top-level blocks yields: its table of contents, anchors and search sections.</summary>
/// <param name="Toc">h2 and h3 headings in order.</param>
/// <param name="Anchors">Every heading id on the page.</param>
/// <param name="Sections">Plain text split at h2 and h3.</param>
public sealed record PageStructure(IReadOnlyList<TocEntry> Toc, IReadOnlySet<string> Anchors, IReadOnlyList<PageSection> Sections)
{
    /// <summary>Walks the document once.</summary>
    public static PageStructure Of(MarkdownDocument document)
    {
        var toc = new List<TocEntry>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var sections = new List<PageSection>();
        var id = "";
        var heading = "";
        var text = ReusedBuilder.Acquire();

        void Flush()
        {
            var body = PlainText.Collapse(text);
            if (body.Length > 0 || heading.Length > 0)
            {
                sections.Add(new PageSection(id, heading, body));
            }

            text.Clear();
        }

        foreach (var block in document)
        {
            if (block is HeadingBlock h && h.TryGetAttributes()?.Id is { } headingId)
            {
                anchors.Add(headingId);
                if (h.Level is 2 or 3)
                {
                    Flush();
                    id = headingId;
                    heading = PlainText.Of(h);
                    toc.Add(new TocEntry(h.Level, headingId, heading));
                    continue;
                }
            }

            PlainText.Append(block, text);
        }

        Flush();
        ReusedBuilder.Release(text);
        return new PageStructure(toc, anchors, sections);
    }
}
