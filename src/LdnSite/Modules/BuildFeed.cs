namespace LdnSite.Modules;

using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using LdnSite.Content;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>
/// An Atom feed (<c>feed.xml</c>) of page reviews and changes, written with the .NET syndication
/// library: one entry per page, dated by its last review or its last commit, whichever is later,
/// newest first. Only dates from the content are used, so the same input gives the same feed.
/// The documents it is given (the sitemap) pass through.
/// </summary>
public sealed class BuildFeed(SiteSettings settings, ReuseRegister reuse) : IModule
{
    /// <summary>Where the feed is written.</summary>
    public const string Destination = "feed.xml";

    /// <summary>The feed's title, also used by the link in every page's head.</summary>
    public const string Title = SiteSettings.FeedTitle;

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var feed = reuse.Feed.For(context, context.Outputs(SitePipelines.Content), "", _ => Feed(context));
        IReadOnlyList<Document> files = [.. inputs, feed];
        return Task.FromResult(files);
    }


    private Document Feed(IExecutionContext context)
    {
        var items = new List<SyndicationItem>();
        foreach (var document in context.Outputs(SitePipelines.Content))
        {
            var page = document.Get(PageKeys.Page);
            var frontMatter = document.Get(PageKeys.FrontMatter);
            if (!page.Kind.InFeed || page.HideFromNav)
            {
                continue;
            }

            var reviewed = frontMatter.LastReviewedDate();
            var changed = settings.LastChanged.TryGetValue(page.Source, out var date) ? date : (DateOnly?)null;
            if ((reviewed ?? changed) is null)
            {
                continue;
            }

            var updated = reviewed > changed || changed is null ? reviewed!.Value : changed.Value;
            var url = settings.AbsoluteUrl(page.Destination);
            var what = reviewed == updated ? $"Reviewed on {updated:yyyy-MM-dd}." : $"Changed on {updated:yyyy-MM-dd}.";
            var item = new SyndicationItem(page.Title, $"{what} {page.Description}", new Uri(url), url, ToTime(updated));
            items.Add(item);
        }

        items = items.OrderByDescending(i => i.LastUpdatedTime).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var feed = new SyndicationFeed(Title, "Pages of the LDN Knowledge Base as they are reviewed and changed.", new Uri(settings.NormalizedBaseUrl), settings.NormalizedBaseUrl, items.Count > 0 ? items[0].LastUpdatedTime : ToTime(settings.Today), items);
        feed.Links.Add(new SyndicationLink(new Uri(settings.NormalizedBaseUrl + Destination)) { RelationshipType = "self", MediaType = "application/atom+xml" });

        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = false }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return new Document("", Destination, Metadata.Empty, new TextContent(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n"));
    }

    private static DateTimeOffset ToTime(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
