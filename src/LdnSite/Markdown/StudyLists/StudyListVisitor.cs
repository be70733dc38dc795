namespace LdnSite.Markdown.StudyLists;

using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Markdown.Structure;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;

/// <summary>
/// The study lists' part of a page's walk: '::: studies &lt;condition&gt;' becomes the list of that
/// condition's studies; any other '::: …' block is an error, since Markdig would make it a
/// <c>&lt;div class="word"&gt;</c> that no style knows (a misspelt '::: studies' would silently
/// become an empty box).
/// </summary>
public sealed class StudyListVisitor(SiteData data, string evidenceLink, string source, ICollection<Diagnostic> problems) : IBlockVisitor
{
    /// <inheritdoc />
    public void Enter(Block block, Block? previous)
    {
        if (block is CustomContainer { Info: StudyList.Name } studies)
        {
            StudyList.Prepare(studies, data, evidenceLink, source, problems);
        }
        else if (block is CustomContainer other)
        {
            problems.Add(Diagnostic.Error(source, other.Line + 1, other.Column + 1, "LDN047",
                $"'::: {other.Info}' is not a block this site knows; the only one is '::: {StudyList.Name} <condition>' (a list of a condition's studies), closed by ':::' on the next line."));
        }
    }

    /// <inheritdoc />
    public void Leave(Block block)
    {
    }
}
