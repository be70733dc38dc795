namespace LdnSite.Benchmark;

using System.IO.Compression;

/// <summary>Sizes as a CDN would send them: each file gzipped on its own at the optimal level.</summary>
public static class Gzip
{
    /// <summary>Gzipped size of <paramref name="bytes"/>.</summary>
    public static long SizeOf(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.Length;
    }

    /// <summary>Gzipped size of the file at <paramref name="path"/>.</summary>
    public static long SizeOfFile(string path) => SizeOf(File.ReadAllBytes(path));
}
