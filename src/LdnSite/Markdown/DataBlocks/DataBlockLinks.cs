namespace LdnSite.Markdown.DataBlocks;

/// <summary>Where a data block on one page links to: relative addresses in the site's link style.</summary>
/// <param name="Evidence">The evidence page (its table rows are <c>#study-key</c>); null on a site without one, whose blocks then name sources without links.</param>
/// <param name="References">The references page (its entries are <c>#source-key</c>); null on a site without one.</param>
/// <param name="Page">The link to a page given by its source path under input/, or null when there is no such page.</param>
public sealed record DataBlockLinks(string? Evidence, string? References, Func<string, string?> Page);
