namespace LdnSite.Offline;

using System.IO.Compression;

/// <summary>
/// Writes a folder to a zip whose bytes depend only on the files' paths and contents: entries in
/// ordinal path order, one fixed timestamp, fixed permissions (rw-r--r--), no extra fields.
/// </summary>
public static class DeterministicZip
{
    private const int UnixFilePermissions = 0b110_100_100; // 0644

    /// <summary>
    /// Zips every file under <paramref name="folder"/>, plus <paramref name="extraFiles"/>, into
    /// <paramref name="zipPath"/>, all inside one top-level folder <paramref name="topFolder"/>, so
    /// unzipping never spills files into the reader's current folder.
    /// </summary>
    public static void Create(string folder, string zipPath, DateTimeOffset timestamp, IReadOnlyDictionary<string, string> extraFiles, string topFolder)
    {
        var entries = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != SiteFolders.OutputRules.MarkerFile)
            .Select(f => (Name: Path.GetRelativePath(folder, f).Replace('\\', '/'), Read: (Func<byte[]>)(() => File.ReadAllBytes(f))))
            .Concat(extraFiles.Select(x => (Name: x.Key, Read: (Func<byte[]>)(() => System.Text.Encoding.UTF8.GetBytes(x.Value)))))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        // A new name no one can have prepared, created only if nothing (not even a link) is there:
        // a fixed '<zip>.tmp' could be a link someone placed to turn a source file into zip bytes.
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(zipPath))!, $".{Path.GetFileName(zipPath)}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var archive = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                foreach (var (name, read) in entries)
                {
                    var entry = archive.CreateEntry(topFolder + "/" + name, CompressionLevel.SmallestSize);
                    entry.LastWriteTime = timestamp;
                    entry.ExternalAttributes = UnixFilePermissions << 16;
                    using var target = entry.Open();
                    target.Write(read());
                }
            }

            // A rename replaces whatever is at the zip's path, a link included, never what a link points to.
            File.Move(temporary, zipPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
