namespace LdnSite.Benchmark;

using System.Globalization;

/// <summary>What a generator wrote: every file under its output folder, counted and summed.</summary>
/// <param name="Bytes">Total size of the files on disk (not gzipped).</param>
/// <param name="Files">How many files.</param>
public sealed record OutputSize(long Bytes, int Files)
{
    /// <summary>Size of everything under <paramref name="folder"/>.</summary>
    public static OutputSize Of(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
        return new OutputSize(files.Sum(), files.Count);
    }

    /// <summary>E.g. <c>41.2 MB, 1,003 files</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Bytes / 1024.0 / 1024.0:0.0} MB, {Files:N0} files");
}
