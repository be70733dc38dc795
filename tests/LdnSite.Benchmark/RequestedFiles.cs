namespace LdnSite.Benchmark;

/// <summary>
/// The files a page fetched, found in the output folder by their URLs (over HTTP or file://),
/// with their sizes on disk and gzipped. Sizes come from disk rather than from the network, so
/// HTTP and file:// are counted alike.
/// </summary>
/// <param name="Files">Output-relative paths, one per request.</param>
/// <param name="Unmapped">Requested URLs that are not a file of the output folder (counted as requests, not as bytes).</param>
/// <param name="RawBytes">Sum of the files' sizes.</param>
/// <param name="GzipBytes">Sum of each file gzipped on its own.</param>
public sealed record RequestedFiles(IReadOnlyList<string> Files, IReadOnlyList<string> Unmapped, long RawBytes, long GzipBytes)
{
    /// <summary>Every request, whether or not it maps to a file.</summary>
    public int Requests => Files.Count + Unmapped.Count;

    /// <summary>Maps distinct <paramref name="urls"/> (a fragment is not part of the file) to files under <paramref name="output"/>, served at <paramref name="siteRoot"/>.</summary>
    public static RequestedFiles Of(IEnumerable<string> urls, string output, Uri siteRoot)
    {
        var root = Path.GetFullPath(output);
        var files = new List<string>();
        var unmapped = new List<string>();
        long raw = 0, gzip = 0;
        foreach (var url in urls.Select(u => u.Split('#')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var file = FileOf(url, root, siteRoot);
            if (file is null)
            {
                unmapped.Add(url);
                continue;
            }

            files.Add(Path.GetRelativePath(root, file));
            raw += new FileInfo(file).Length;
            gzip += Gzip.SizeOfFile(file);
        }

        return new RequestedFiles(files, unmapped, raw, gzip);
    }

    private static string? FileOf(string url, string root, Uri siteRoot)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        string path;
        if (uri.IsFile)
        {
            path = uri.LocalPath;
        }
        else if (uri.Scheme == siteRoot.Scheme && uri.Authority == siteRoot.Authority)
        {
            path = Path.Combine(root, Uri.UnescapeDataString(uri.AbsolutePath).TrimStart('/'));
        }
        else
        {
            return null;
        }

        // A folder URL is answered with its index.html, as the static server does.
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, "index.html");
        }

        path = Path.GetFullPath(path);
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }
}
