namespace LdnSite.Markdown.DataBlocks;

/// <summary>Where a data block on one page links to: relative addresses in the site's link style.</summary>
/// <param name="Evidence">The evidence page (its table rows are <c>#study-key</c>); null on a site without one, whose blocks then name sources without links.</param>
/// <param name="References">The references page (its entries are <c>#source-key</c>); null on a site without one.</param>
/// <param name="Page">The link to a page given by its source path under input/, or null when there is no such page.</param>
public sealed record DataBlockLinks(string? Evidence, string? References, Func<string, string?> Page)
{
    /// <summary>
    /// A source's name (HTML-encoded here) linked to its row in the evidence table when it is a
    /// study, else to its entry on the references page; plain where that page does not exist.
    /// </summary>
    public string Source(string key, bool isStudy, string name)
    {
        var page = isStudy ? Evidence : References;
        var text = System.Net.WebUtility.HtmlEncode(name);
        return page is null ? text : "<a href=\"" + System.Net.WebUtility.HtmlEncode(page + (isStudy ? "#study-" : "#source-") + key) + "\">" + text + "</a>";
    }
}
