namespace LdnSite.Markdown.Claims;

using LdnSite.Content;
using LdnSite.Engine.Diagnostics;
using LdnSite.Markdown.Citations;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Every medical statement on the site is meant to cite its source. This check warns on each
/// paragraph or list item of a content page that cites nothing (an error under --strict),
/// unless the author marked it as making no medical claim: the line <c>&lt;!-- nonmedical --&gt;</c>
/// directly before the paragraph or list, or <c>nonmedical: true</c> in a page's front matter.
/// </summary>
public static class ClaimCoverage
{
    /// <summary>The marker an author writes before a block that makes no medical claim.</summary>
    public const string Marker = "<!-- nonmedical -->";


    /// <summary>Reports every uncited paragraph and list item of <paramref name="document"/>.</summary>
    public static void Check(MarkdownDocument document, PageInfo page, bool strict, ICollection<Diagnostic> problems)
    {
        if (page.Nonmedical || !page.Kind.Medical)
        {
            return;
        }

        Walk(document, page.Source, strict, problems);
    }

    private static void Walk(ContainerBlock container, string source, bool strict, ICollection<Diagnostic> problems)
    {
        Block? previous = null;
        foreach (var block in container)
        {
            var marked = previous is HtmlBlock html && html.Lines.ToString().Trim() == Marker;
            previous = block;
            if (marked)
            {
                continue;
            }

            switch (block)
            {
                case ParagraphBlock paragraph when !Cites(paragraph):
                    Report(paragraph, "paragraph", source, strict, problems);
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>().Where(i => !Cites(i)))
                    {
                        Report(item, "list item", source, strict, problems);
                    }

                    break;
                case QuoteBlock or Markdig.Extensions.CustomContainers.CustomContainer:
                    Walk((ContainerBlock)block, source, strict, problems);
                    break;
            }
        }
    }

    private static bool Cites(Block block) => block switch
    {
        LeafBlock { Inline: { } inline } => Contains(inline),
        ContainerBlock container => container.Any(Cites),
        _ => false,
    };

    private static bool Contains(ContainerInline container)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is CitationInline || (inline is ContainerInline child && Contains(child)))
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(Block block, string what, string source, bool strict, ICollection<Diagnostic> problems)
    {
        var message = $"This {what} cites no source. Cite the study that supports it ([@key]), or, if it makes no medical claim, put the line {Marker} before it.";
        problems.Add(strict ? Diagnostic.Error(source, block.Line + 1, block.Column + 1, "LDN034", message) : Diagnostic.Warning(source, block.Line + 1, block.Column + 1, "LDN034", message));
    }
}
