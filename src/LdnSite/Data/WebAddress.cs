namespace LdnSite.Data;

using System.Diagnostics.CodeAnalysis;

/// <summary>An address written in a data file that readers are sent to.</summary>
public static class WebAddress
{
    /// <summary>
    /// Whether <paramref name="url"/> is a full https address with no user name and nothing a
    /// browser would read differently: Uri accepts spaces, double quotes and angle brackets (it
    /// escapes them), so they are refused here, as are backquotes, backslashes and control characters.
    /// </summary>
    public static bool IsPlainHttps(string url, [NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri) && uri.Scheme == "https" && uri.UserInfo.Length == 0
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>' or '`' or '\\');
}
