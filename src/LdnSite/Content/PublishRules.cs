namespace LdnSite.Content;

using LdnSite.Engine.Input;

/// <summary>
/// Which files under input/ (and the theme's assets) this site publishes: the engine reads a
/// folder with these rules (<see cref="Files"/>), and the dev server asks them which saved names
/// could be content.
/// </summary>
public static class PublishRules
{
    /// <summary>The rules as the engine's file reader takes them, with this site's code for a skipped file.</summary>
    public static readonly FileRules Files = new("LDN080", SkipReason, PassOver);

    /// <summary>Folders passed over whole: '_' folders hold data (input/_data), node_modules holds packages.</summary>
    public static bool PassOver(string folderName) => folderName.StartsWith('_') || folderName == "node_modules";

    /// <summary>
    /// The folders the site writes itself: <c>assets/</c> is served as unchangeable for a year
    /// (a corrected image there would never reach readers) and <c>search/</c> is hidden from
    /// search engines. Content may not go in either (LDN113).
    /// </summary>
    public static readonly IReadOnlyList<string> SiteFolders = ["assets", "search"];

    /// <summary>The site folder <paramref name="source"/> (relative to input/) lies in, or null.</summary>
    public static string? SiteFolderOf(string source)
    {
        var slash = source.IndexOfAny(['/', '\\']);
        return slash < 0 ? null : SiteFolders.FirstOrDefault(f => source.AsSpan(0, slash).Equals(f, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The error for content inside a site folder (see <see cref="SiteFolders"/>).</summary>
    public static Engine.Diagnostics.Diagnostic InSiteFolder(string source, string folder) =>
        Engine.Diagnostics.Diagnostic.Error(source, 0, 0, "LDN113",
            $"Content may not go in input/{folder}/: the site writes that folder itself ({(folder == "assets" ? "served as unchangeable for a year, so a corrected file would never reach readers" : "hidden from search engines")}). Move it to another folder.");

    /// <summary>Why a file or folder name is not content, or null when it is.</summary>
    /// <remarks>
    /// Names become web addresses and zip entries, so only plain ASCII letters, digits, '.', '-'
    /// and '_' are published: a ':' would make 'javascript:…' an address, '#', '?' and '%'
    /// break links, and look-alike Unicode or reserved Windows names break the offline zip.
    /// </remarks>
    public static string? SkipReason(string name) =>
        name.StartsWith('.') ? "its name starts with '.' (hidden files are never published)"
        : name.EndsWith('~') || name.EndsWith(".bak", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".swo", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            ? "it looks like an editor backup or temporary file"
        : name.Length > 100 || name.AsSpan().ContainsAnyExcept(NameCharacters) || !char.IsAsciiLetterOrDigit(name[0])
            ? "names become web addresses, so they may hold only letters a-z, digits, '-', '_' and '.', start with a letter or digit, and be at most 100 characters (rename it, e.g. with '-' for spaces)"
        : ReservedOnWindows.Contains(name.AsSpan(0, name.IndexOf('.') is >= 0 and var dot ? dot : name.Length)) ? "its name is reserved on Windows, where the offline zip could not be unpacked"
        : null;

    // Checked for every file of every build (a rebuild lists 10,000 pages), so without allocating.
    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReservedOnWindows =
        new HashSet<string>(["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();}
