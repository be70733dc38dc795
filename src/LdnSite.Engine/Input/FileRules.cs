namespace LdnSite.Engine.Input;

/// <summary>
/// What a host publishes from a folder it reads: which file names are content, which folders are
/// passed over whole, and the code a skipped file is reported with. The engine itself keeps only
/// what no host may change: files reached through a link that leaves the folder, and anything
/// that is not a regular file, are always skipped.
/// </summary>
/// <param name="SkippedCode">The warning's code for a file that is not published.</param>
/// <param name="SkipReason">Why a file or folder name is not content, or null when it is.</param>
/// <param name="PassOver">Folders passed over without a word (data, packages).</param>
public sealed record FileRules(string SkippedCode, Func<string, string?> SkipReason, Func<string, bool> PassOver)
{
    /// <summary>Every name is content and no folder is passed over, as for an engine used on its own.</summary>
    public static readonly FileRules Everything = new("E080", _ => null, _ => false);
}
