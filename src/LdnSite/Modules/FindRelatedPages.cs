namespace LdnSite.Modules;

using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;
using LdnSite.Markdown.Citations;
using LdnSite.Navigation;

/// <summary>
/// Gives each page the pages that cite the most of the same sources (<see cref="RelatedPages"/>),
/// a fact made from every page. A rebuild keeps it while no page's part changes
/// (<see cref="ReuseRegister.RelatedPages"/>, part <see cref="CacheKeys.RelatedPart"/>), and hands
/// back the very same document for a page whose input and list are the same as last time.
/// </summary>
public sealed class FindRelatedPages(ReuseRegister reuse) : IModule
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var related = reuse.RelatedPages.For(context, inputs, "", _ =>
            RelatedPages.Of([.. inputs.Select(d => (d.Get(PageKeys.Page), (IReadOnlyList<string>)[.. d.Get(CitedSource.OfPage).Select(c => c.Key)]))]));
        var outputs = new Document[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var document = inputs[i];
            if (!related.TryGetValue(document.Source, out var list))
            {
                outputs[i] = document;
            }
            else if (reuse.WithRelatedPages.TryGetValue(document, out var known) && ReferenceEquals(known.Get(RelatedPages.Key), list))
            {
                outputs[i] = known;
            }
            else
            {
                // Kept in one-shot builds too: the register goes with the build, and the weak table with it.
                outputs[i] = document.With(RelatedPages.Key, list);
                reuse.WithRelatedPages.AddOrUpdate(document, outputs[i]);
            }
        }

        return Task.FromResult<IReadOnlyList<Document>>(outputs);
    }
}
