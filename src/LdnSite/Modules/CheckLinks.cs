namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>
/// Checks, once all pages are known, that the heading a link's '#fragment' names exists on its
/// page (that the page exists was checked while the page was processed). Errors point at the
/// link's line in the Markdown.
/// </summary>
public sealed class CheckLinks(ReuseRegister reuse) : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        reuse.LinkCheck.For(context, inputs, "", reported =>
        {
            Check(inputs, reported);
            return true;
        });
        return Task.FromResult(inputs);
    }


    private static void Check(IReadOnlyList<Document> inputs, List<Diagnostic> reported)
    {
        var anchorsByPage = inputs.ToDictionary(d => d.Destination, d => d.Get(PageKeys.Anchors), StringComparer.Ordinal);
        foreach (var document in inputs)
        {
            var source = document.Source;
            foreach (var link in document.Get(PageKeys.InternalLinks))
            {
                if (!anchorsByPage.TryGetValue(link.TargetDestination, out var anchors))
                {
                    reported.Add(Diagnostic.Error(source, link.Line, link.Column, "LDN025",
                        $"Link '{link.Written}' points to a page that does not exist; check the file name under input/."));
                }
                else if (link.Fragment.Length > 0 && !anchors.Contains(link.Fragment) && !IsBuiltInAnchor(link.Fragment))
                {
                    var closest = Diagnostics.Closest.Match(link.Fragment, anchors);
                    var listed = string.Join(", ", anchors.Order(StringComparer.Ordinal).Take(20).Select(a => "#" + a)) + (anchors.Count > 20 ? ", …" : "");
                    var hint = (closest is null ? "" : $"did you mean '#{closest}'? ") + (anchors.Count == 0 ? "That page has no headings to link to." : $"Its anchors: {listed}.");
                    reported.Add(Diagnostic.Error(source, link.Line, link.Column, "LDN026",
                        $"Link '{link.Written}' names an anchor the page does not have; {hint}"));
                }
            }
        }
    }

    /// <summary>Anchors the layout adds to every page.</summary>
    private static bool IsBuiltInAnchor(string fragment) => fragment is "main" or "references" or "top";
}
