namespace LdnSite.Markdown.Structure;

using System.Text;
using LdnSite.Content;
using Markdig.Renderers.Html;
using Markdig.Syntax;

/// <summary>What the walk yields of a page's top-level headings: its table of contents, anchors and search sections.</summary>
/// <param name="Toc">h2 and h3 headings in order.</param>
/// <param name="Anchors">Every top-level heading id on the page.</param>
/// <param name="Sections">Plain text split at top-level h2 and h3.</param>
public sealed record PageStructure(IReadOnlyList<TocEntry> Toc, IReadOnlySet<string> Anchors, IReadOnlyList<PageSection> Sections)
{
    /// <summary>The structure of <paramref name="document"/> on its own (the page renderer gathers it in its one walk).</summary>
    public static PageStructure Of(MarkdownDocument document)
    {
        var collector = new Collector();
        new PageWalk([collector]).Run(document);
        return collector.Finish();
    }

    /// <summary>Gathers the structure from the leaf texts of one walk; heading ids must be checked before (the unsafe-markup visitor runs first).</summary>
    public sealed class Collector : ILeafTextVisitor
    {
        private readonly List<TocEntry> _toc = [];
        private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
        private readonly List<PageSection> _sections = [];
        private readonly StringBuilder _text = ReusedBuilder.Acquire();
        private string _id = "";
        private string _heading = "";

        /// <inheritdoc />
        public void Text(LeafBlock leaf, StringBuilder text)
        {
            if (leaf is HeadingBlock heading && leaf.Parent is MarkdownDocument && heading.TryGetAttributes()?.Id is { } headingId)
            {
                _anchors.Add(headingId);
                if (heading.Level is 2 or 3)
                {
                    Flush();
                    _id = headingId;
                    _heading = text.ToString().Trim();
                    _toc.Add(new TocEntry(heading.Level, headingId, _heading));
                    return;
                }
            }

            _text.Append(text);
        }

        /// <summary>The structure, once the walk is over.</summary>
        public PageStructure Finish()
        {
            Flush();
            ReusedBuilder.Release(_text);
            return new PageStructure(_toc, _anchors, _sections);
        }

        private void Flush()
        {
            var body = PlainText.Collapse(_text);
            if (body.Length > 0 || _heading.Length > 0)
            {
                _sections.Add(new PageSection(_id, _heading, body));
            }

            _text.Clear();
        }
    }
}
