namespace LdnSite.Urls;

/// <summary>How internal links are written in the output.</summary>
public enum LinkStyle
{
    /// <summary>Folder URLs (<c>../safety/</c>): clean on a web server.</summary>
    Pretty,

    /// <summary>File URLs (<c>../safety/index.html</c>): what works when opened from <c>file://</c>.</summary>
    File,
}
