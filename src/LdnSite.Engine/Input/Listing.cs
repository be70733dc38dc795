namespace LdnSite.Engine.Input;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Modules;

/// <summary>What a module read from listing a folder.</summary>
/// <param name="Root">The folder (a full path).</param>
/// <param name="Documents">The files it found.</param>
/// <param name="Diagnostics">What it reported (files passed over), reported again when the listing is reused.</param>
/// <param name="Files">The full paths of the plain files it listed.</param>
/// <param name="Folders">The full paths of the folders it read, the root among them.</param>
/// <param name="PassedThroughLink">Whether it followed a symbolic link (then it is never reused).</param>
/// <param name="Considers">Whether the module would list a file at this path relative to the root ('/'-separated); a file it would not is no change to the listing.</param>
/// <param name="Skipped">The full paths of the files and folders it passed over with a warning.</param>
public sealed record Listing(
    string Root,
    IReadOnlyList<Document> Documents,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlySet<string> Files,
    IReadOnlySet<string> Folders,
    bool PassedThroughLink,
    Func<string, bool> Considers,
    IReadOnlySet<string> Skipped)
{
    /// <summary>
    /// Whether a change at <paramref name="path"/> could make a new listing differ: a listed file
    /// that is gone or no longer a plain file, a read folder that is gone, anything new that
    /// exists now, or the root itself or a folder above it. A listed file whose text changed
    /// leaves the listing as it was.
    /// </summary>
    public bool AffectedBy(string path)
    {
        path = Path.TrimEndingDirectorySeparator(path);
        if (FileSystemView.IsWithin(Root, path))
        {
            return true;
        }

        if (!FileSystemView.IsWithin(path, Root))
        {
            return false;
        }

        if (Files.Contains(path))
        {
            return FileKinds.Of(path) != FileKinds.Kind.RegularFile;
        }

        // A read folder named by the watcher was created, removed, moved or replaced (a folder
        // whose entries change is not named itself); anything at or under a path passed over
        // with a warning may change or end that warning.
        if (Folders.Contains(path) || Skipped.Any(skipped => FileSystemView.IsWithin(path, skipped)))
        {
            return true;
        }

        // Something the listing does not hold: it matters only if it is there now (an editor's
        // temporary file, written and renamed away within the save, is not), and, for a file,
        // if the module would list it (a page is no change to a listing of images).
        if (!FileKinds.Exists(path))
        {
            return false;
        }

        return Directory.Exists(path) || Considers(Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'));
    }
}
