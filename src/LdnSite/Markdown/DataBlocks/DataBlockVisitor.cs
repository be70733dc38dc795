namespace LdnSite.Markdown.DataBlocks;

using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Markdown.Structure;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;

/// <summary>
/// The data blocks' part of a page's walk. The blocks a page may hold:
/// <list type="bullet">
/// <item><c>::: studies &lt;condition&gt;</c>: that condition's studies (<see cref="StudyList"/>).</item>
/// <item><c>::: findings &lt;condition&gt;</c>: what the evidence shows and how sure it is; without a condition, a table of every finding (<see cref="FindingsBox"/>).</item>
/// <item><c>::: help &lt;condition or trial-registries&gt;</c>: organisations and registries (<see cref="HelpList"/>).</item>
/// <item><c>::: corrections</c>: the public corrections log (<see cref="CorrectionsLog"/>).</item>
/// <item><c>::: notes</c>: ruled space for a reader's notes on a printed page.</item>
/// <item><c>::: key-facts</c> … <c>:::</c>: a framed box around the Markdown written inside it.</item>
/// </list>
/// Any other <c>::: …</c> block is an error (LDN047), since Markdig would make it a
/// <c>&lt;div class="word"&gt;</c> that no style knows.
/// </summary>
public sealed class DataBlockVisitor(SiteData data, DataBlockLinks links, string source, ICollection<Diagnostic> problems) : IBlockVisitor
{
    /// <summary>The names of the blocks made from data; <see cref="KeyFacts"/> frames written Markdown.</summary>
    public static readonly IReadOnlyList<string> Names = [StudyList.Name, FindingsBox.Name, HelpList.Name, CorrectionsLog.Name, NotesName, KeyFacts];

    /// <summary>The one block whose content is written in the page.</summary>
    public const string KeyFacts = "key-facts";

    private const string NotesName = "notes";

    /// <inheritdoc />
    public void Enter(Block block, Block? previous)
    {
        if (block is not CustomContainer container)
        {
            return;
        }

        var argument = (container.Arguments ?? "").Trim();
        void Problem(string message) => problems.Add(Diagnostic.Error(source, container.Line + 1, container.Column + 1, "LDN047", message));

        // The blocks write their own HTML, so an id given with {#id} would never reach the page
        // while a link to it passed the link check.
        if (Markdig.Renderers.Html.HtmlAttributesExtensions.TryGetAttributes(container) is { Id: not null })
        {
            Problem($"'::: {container.Info}' takes no {{#id}}; put the id on a heading above it.");
            return;
        }

        if (container.Info == KeyFacts)
        {
            if (argument.Length > 0 || container.Count == 0)
            {
                Problem("Write '::: key-facts' alone on its line, then the facts (a short list), then ':::'.");
                return;
            }

            container.SetData(DataBlockRenderer.FrameKey, ("<div class=\"key-facts\"><p class=\"key-facts__title\">Key facts</p>", "</div>"));
            return;
        }

        if (!Names.Contains(container.Info ?? ""))
        {
            Problem($"'::: {container.Info}' is not a block this site knows; use one of: {string.Join(", ", Names.Select(n => "'::: " + n + "'"))}, each closed by ':::'.");
            return;
        }

        if (container.Count > 0)
        {
            Problem($"Write nothing between '::: {container.Info} …' and ':::'; the block is made from the data files, so text there would be lost.");
            return;
        }

        if (argument.Length > 0 && container.Info is CorrectionsLog.Name or NotesName)
        {
            Problem($"'::: {container.Info}' takes nothing after its name.");
            return;
        }

        var html = container.Info switch
        {
            StudyList.Name => StudyList.Html(argument, data, links, Problem),
            FindingsBox.Name => FindingsBox.Html(argument, data, links, Problem),
            HelpList.Name => HelpList.Html(argument, data, Problem),
            CorrectionsLog.Name => CorrectionsLog.Html(data, links),
            NotesName => NotesHtml,
            _ => throw new InvalidOperationException($"'{container.Info}' is in {nameof(Names)} but has no case here."),
        };
        if (html is not null)
        {
            container.SetData(DataBlockRenderer.HtmlKey, html);
        }
    }

    /// <inheritdoc />
    public void Leave(Block block)
    {
    }

    // Ruled lines on paper; on screen, a box a reader can see is meant for writing in.
    private static readonly string NotesHtml = "<div class=\"notes-space\"><p class=\"notes-space__title\">Your notes</p>"
        + string.Concat(Enumerable.Repeat("<div class=\"notes-space__line\"></div>", 8)) + "</div>";
}
