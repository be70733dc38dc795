namespace LdnSite.Urls;

/// <summary>
/// Where a page's source can be edited: the repository's web address (from --repository-url, the
/// GitHub Actions environment, or the checkout's 'origin' remote), the branch, and the input
/// folder's path inside the repository.
/// </summary>
/// <param name="WebUrl">The repository's https address, e.g. https://github.com/owner/ldnsite.</param>
/// <param name="Branch">The branch edits go to.</param>
/// <param name="InputPath">The input folder's path in the repository, e.g. "input".</param>
public sealed record RepositoryLinks(string WebUrl, string Branch, string InputPath)
{
    /// <summary>The address that opens a page's source file in the repository's editor.</summary>
    public string EditUrl(string source) =>
        $"{WebUrl.TrimEnd('/')}/edit/{Uri.EscapeDataString(Branch)}/{string.Join('/', (InputPath.Length == 0 ? source : InputPath + "/" + source).Split('/').Select(Uri.EscapeDataString))}";

    /// <summary>Where readers report a problem.</summary>
    public string IssuesUrl => WebUrl.TrimEnd('/') + "/issues";

    /// <summary>An https web address for a remote as git writes it (git@github.com:o/r.git, https://github.com/o/r.git), or null.</summary>
    public static string? WebUrlOf(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote))
        {
            return null;
        }

        var url = remote.Trim();
        if (url.StartsWith("git@", StringComparison.Ordinal) && url.IndexOf(':') is > 4 and var colon)
        {
            url = "https://" + url[4..colon] + "/" + url[(colon + 1)..];
        }

        if (url.EndsWith(".git", StringComparison.Ordinal))
        {
            url = url[..^4];
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "https" && uri.UserInfo.Length == 0 && uri.Query.Length == 0
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;
    }
}
