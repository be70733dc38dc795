namespace LdnSite.Engine.Modules;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;

/// <summary>
/// The result of a step that reads every document of the site (a sitemap, a link check), kept by
/// a rebuilding engine while each document's part of what the step reads, and what it reads
/// besides (<c>shared</c>), equal the last build's. The part is declared by the step (its
/// <c>partOf</c>), so the result is keyed on everything it reads; a document that comes back
/// from the cache as the same object is not even asked for its part. A one-page edit at 10,000
/// pages then costs each such step one comparison per page instead of its whole work.
/// </summary>
/// <typeparam name="TPart">What the step reads of one document.</typeparam>
/// <typeparam name="TResult">What the step makes.</typeparam>
/// <param name="partOf">What the step reads of a document.</param>
/// <param name="comparer">How two parts are compared (by default, their own equality).</param>
public sealed class SiteWideMemo<TPart, TResult>(Func<Document, TPart> partOf, IEqualityComparer<TPart>? comparer = null)
{
    private readonly Lock _lock = new();
    private readonly IEqualityComparer<TPart> _comparer = comparer ?? EqualityComparer<TPart>.Default;
    private Document[] _documents = [];
    private TPart[] _parts = [];
    private string? _shared;
    private (TResult Result, IReadOnlyList<Diagnostic> Reported)? _last;

    /// <summary>
    /// <paramref name="make"/>'s result for <paramref name="documents"/> and <paramref name="shared"/>
    /// (a key of everything else the step reads), or the last one when neither changed; what it
    /// reported (into the list it is given) is reported again either way.
    /// </summary>
    public TResult For(IExecutionContext context, IReadOnlyList<Document> documents, string shared, Func<List<Diagnostic>, TResult> make)
    {
        if (!context.Cache.Enabled)
        {
            return Reported(make, context).Result;
        }

        lock (_lock)
        {
            if (_last is { } last && _shared == shared && Same(documents))
            {
                foreach (var diagnostic in last.Reported)
                {
                    context.Diagnostics.Add(diagnostic);
                }

                return last.Result;
            }

            var made = Reported(make, context);
            (_documents, _parts, _shared, _last) = ([.. documents], [.. documents.Select(partOf)], shared, made);
            return made.Result;
        }
    }

    private static (TResult Result, IReadOnlyList<Diagnostic> Reported) Reported(Func<List<Diagnostic>, TResult> make, IExecutionContext context)
    {
        var reported = new List<Diagnostic>();
        var result = make(reported);
        foreach (var diagnostic in reported)
        {
            context.Diagnostics.Add(diagnostic);
        }

        return (result, reported);
    }

    // The same documents in the same order, or ones whose parts are equal (then remembered, so
    // the next build finds them by reference).
    private bool Same(IReadOnlyList<Document> documents)
    {
        if (documents.Count != _documents.Length)
        {
            return false;
        }

        for (var i = 0; i < _documents.Length; i++)
        {
            var document = documents[i];
            if (ReferenceEquals(document, _documents[i]))
            {
                continue;
            }

            var part = partOf(document);
            if (!_comparer.Equals(part, _parts[i]))
            {
                return false;
            }

            (_documents[i], _parts[i]) = (document, part);
        }

        return true;
    }
}
