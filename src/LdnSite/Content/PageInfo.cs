namespace LdnSite.Content;

/// <summary>Where a page lives and what navigation needs to know of it.</summary>
/// <param name="Source">Markdown path relative to the input folder.</param>
/// <param name="Destination">Output path, e.g. <c>safety/index.html</c>.</param>
/// <param name="Title">The page title.</param>
/// <param name="NavTitle">The title used in navigation.</param>
/// <param name="Description">The summary sentence.</param>
/// <param name="Order">Navigation order.</param>
/// <param name="Layout">Layout name.</param>
/// <param name="HideFromNav">True for pages kept out of navigation.</param>
/// <param name="Nonmedical">True for pages that make no medical claims (no citations needed).</param>
public sealed record PageInfo(
    string Source,
    string Destination,
    string Title,
    string NavTitle,
    string Description,
    int Order,
    string Layout,
    bool HideFromNav,
    bool Nonmedical = false)
{
    /// <summary>The top-level folder a page belongs to ("" for pages at the root).</summary>
    public string Section => Source.Contains('/') ? Source[..Source.IndexOf('/')] : "";

    /// <summary>What the page is, from its layout: every behaviour that depends on that.</summary>
    public PageKind Kind => PageKinds.Of(Layout);
}

/// <summary>A heading the table of contents lists.</summary>
/// <param name="Level">2 or 3.</param>
/// <param name="Id">The heading's anchor.</param>
/// <param name="Text">Its plain text.</param>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A link in Markdown to another page of the site, kept to check it once all pages are known.</summary>
/// <param name="Line">1-based line in the source.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Written">The link as the author wrote it.</param>
/// <param name="TargetDestination">Output path of the page it points to.</param>
/// <param name="Fragment">The anchor after '#', or empty.</param>
public sealed record InternalLink(int Line, int Column, string Written, string TargetDestination, string Fragment);

/// <summary>A page's text between two headings: what search indexes.</summary>
/// <param name="Id">Anchor of the section's heading ("" for the text before the first heading).</param>
/// <param name="Heading">The heading's text ("" before the first heading).</param>
/// <param name="Text">The section's plain text.</param>
public sealed record PageSection(string Id, string Heading, string Text);
