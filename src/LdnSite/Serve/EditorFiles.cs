namespace LdnSite.Serve;

/// <summary>
/// The files editors write beside the one being saved (swap files, lock files, atomic-save
/// temporaries). The dev server's build still hears of them, but they neither start a rebuild
/// nor appear in its 'Changed:' line.
/// </summary>
public static class EditorFiles
{
    /// <summary>Whether <paramref name="name"/> (a file name, no folder) is an editor's temporary file.</summary>
    public static bool IsTemporary(string name) =>
        name.Length == 0
        || name.All(char.IsAsciiDigit)                                        // vim's write test: 4913
        || name.EndsWith('~')                                                 // vim, emacs, gedit backups
        || name.StartsWith(".#", StringComparison.Ordinal)                    // emacs lock
        || (name.StartsWith('#') && name.EndsWith('#'))                       // emacs auto-save
        || name.StartsWith("~$", StringComparison.Ordinal)                    // Office, LibreOffice locks
        || name.Contains("___jb_", StringComparison.Ordinal)                  // JetBrains safe write
        || Suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase))
        || AtomicWriteTemporary(name);

    private static readonly string[] Suffixes = [".swp", ".swo", ".swx", ".swn", ".tmp", ".temp", ".kate-swp", ".crswap", ".bak"];

    // Atomic writers (npm's write-file-atomic, used by several editors' plugins) save to
    // 'page.md.123456789' and rename it over 'page.md'.
    private static bool AtomicWriteTemporary(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 && dot < name.Length - 1 && name.AsSpan(dot + 1).IndexOfAnyExceptInRange('0', '9') < 0 && name.AsSpan(0, dot).Contains('.');
    }
}
