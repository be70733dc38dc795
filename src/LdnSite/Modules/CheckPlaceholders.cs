namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>Warns on a page still carrying the placeholder description that <c>ldnsite new</c> writes (an error under --strict).</summary>
public sealed class CheckPlaceholders(SiteSettings settings) : DocumentModule
{
    /// <inheritdoc />
    protected override Document Process(Document document, IExecutionContext context)
    {
        if (document.Get(PageKeys.Page).Description.StartsWith("TODO", StringComparison.Ordinal))
        {
            context.Diagnostics.Add(new Diagnostic(document.Source, 1, 1, settings.Strict ? Severity.Error : Severity.Warning, "LDN008",
                "The description is still a placeholder. Replace it with one sentence that says what the page covers; search engines and link previews show it."));
        }

        return document;
    }
}
