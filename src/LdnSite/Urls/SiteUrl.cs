namespace LdnSite.Urls;

/// <summary>
/// The public address the site is published at (<c>--base-url</c>): it goes into canonical links,
/// Open Graph, the sitemap and robots.txt, so only a plain absolute http(s) URL is accepted, and
/// it is always written in its escaped form.
/// </summary>
public static class SiteUrl
{
    /// <summary>Why <paramref name="baseUrl"/> cannot be used, or null.</summary>
    public static string? Problem(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            return "it is not an absolute URL such as https://ldn.example.org/";
        }

        if (uri.Scheme is not ("https" or "http"))
        {
            return "it must start with https:// (or http://)";
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return "it may not hold a user name, a '?query' or a '#fragment'";
        }

        return null;
    }

    /// <summary>The escaped URL ending in '/'; call only after <see cref="Problem"/> returned null.</summary>
    public static string Normalize(string baseUrl)
    {
        var absolute = new Uri(baseUrl, UriKind.Absolute).AbsoluteUri;
        return absolute.EndsWith('/') ? absolute : absolute + "/";
    }
}
