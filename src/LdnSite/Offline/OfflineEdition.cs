namespace LdnSite.Offline;

using System.Globalization;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Output;
using LdnSite.Engine.Pipelines;
using LdnSite.Build;
using LdnSite.Urls;

/// <summary>
/// The offline edition: the same site built with file links (<c>../safety/index.html</c>) so it
/// works when unzipped and opened from <c>file://</c>, zipped deterministically with a README.
/// </summary>
public static class OfflineEdition
{
    /// <summary>The zip's file name, in artifacts/ and next to the published site.</summary>
    public const string FileName = "ldn-knowledge-base.zip";

    /// <summary>The one folder everything in the zip sits in.</summary>
    public const string TopFolder = "ldn-knowledge-base";

    /// <summary>
    /// The date the edition is stamped with: <c>SOURCE_DATE_EPOCH</c> when set (the reproducible
    /// builds convention), else the build's day, so every build on one day gives the same bytes.
    /// </summary>
    public static DateOnly BuildDate(SiteSettings settings) =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out var epoch)
            ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(epoch).UtcDateTime)
            : settings.Today;

    /// <summary>Builds the offline edition into <paramref name="zipPath"/>; returns the build result (no zip on failure).</summary>
    public static async Task<BuildResult> BuildAsync(SiteSettings settings, string zipPath, CancellationToken cancellationToken = default)
    {
        if (ZipPathProblem(settings, zipPath) is { } problem)
        {
            return BuildResult.Refused([Diagnostic.Error(zipPath, 0, 0, "LDN105", $"The zip path is refused: {problem}. Choose another --zip path.")]);
        }

        var staging = Path.Combine(Path.GetTempPath(), "ldnsite-offline-" + Guid.NewGuid().ToString("N"));
        try
        {
            var offline = settings with { OutputFolder = staging, LinkStyle = LinkStyle.File, OfflineDownload = null, LiveReload = false };
            var result = await new SiteBuild(offline).RunAsync(cancellationToken);
            if (result.Succeeded)
            {
                var date = BuildDate(settings);
                var timestamp = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                DeterministicZip.Create(staging, zipPath, timestamp, new Dictionary<string, string> { ["README.txt"] = Readme(date) }, TopFolder);
            }

            return result;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    // The zip is written over whatever is at its path, so that must be a zip and lie outside every folder a build reads or replaces.
    private static string? ZipPathProblem(SiteSettings settings, string zipPath)
    {
        var full = OutputFolderGuard.RealPath(zipPath);
        if (!full.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return "its name must end in .zip";
        }

        foreach (var folder in new[] { settings.InputFolder, settings.ThemeFolder, settings.OutputFolder })
        {
            if (OutputPaths.IsInside(full, OutputFolderGuard.RealPath(folder)))
            {
                return $"it lies inside {folder}";
            }
        }

        if (Directory.Exists(full))
        {
            return "it is a folder";
        }

        if (File.Exists(full))
        {
            Span<byte> head = stackalloc byte[2];
            using var existing = File.OpenRead(full);
            if (existing.Read(head) < 2 || head[0] != (byte)'P' || head[1] != (byte)'K')
            {
                return "a file that is not a zip already exists there";
            }
        }

        return null;
    }

    private static string Readme(DateOnly date) => $"""
        LDN Knowledge Base - offline edition
        ====================================

        Built on {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.

        How to read it:
        1. Unzip this file: it makes one folder, ldn-knowledge-base (keep its folders together).
        2. Open index.html in that folder in any web browser (double-click it, or drag it onto a
           browser window).

        Everything works without a network connection, including search (the box at the top of
        every page). Links to the original research articles (doi.org) need a connection.

        This is general information about published research, not medical advice. Talk to a
        qualified clinician before starting, stopping or changing any treatment.

        """.Replace("\r\n", "\n");
}
