namespace LdnSite.Content;

using System.Globalization;

/// <summary>
/// When each page last changed: the date of the last commit that touched its file, from one
/// <c>git log</c> over the input folder in the repository the tool found itself (see
/// <see cref="TrustedGit"/>). Without git, or when the input is not inside that repository,
/// there are no dates and pages show none, so such builds stay byte-identical.
/// </summary>
public static class GitHistory
{
    /// <summary>Source path (relative to <paramref name="inputFolder"/>, '/'-separated) → date of its last commit.</summary>
    /// <param name="repositoryRoot">The checkout the tool found itself; null when there is none.</param>
    /// <param name="inputFolder">The content folder; a repository inside it or above the root is never asked.</param>
    public static IReadOnlyDictionary<string, DateOnly> LastChanged(string? repositoryRoot, string inputFolder)
    {
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        if (!TrustedGit.Covers(repositoryRoot, inputFolder, out var relativeInput))
        {
            return dates;
        }

        try
        {
            // Newest first; each commit is a line "\u0001yyyy-mm-dd" followed by the files it touched.
            var start = TrustedGit.Start(repositoryRoot!, "log", "--no-show-signature", "--no-ext-diff", "--no-textconv", "--format=%x01%cs", "--name-only",
                relativeInput.Length == 0 ? "--relative" : $"--relative={relativeInput}/", "--no-renames", "--", relativeInput.Length == 0 ? "." : relativeInput);
            using var git = System.Diagnostics.Process.Start(start);
            if (git is null)
            {
                return dates;
            }

            git.StandardInput.Close();
            _ = git.StandardError.ReadToEndAsync();
            DateOnly? current = null;
            for (var line = git.StandardOutput.ReadLine(); line is not null; line = git.StandardOutput.ReadLine())
            {
                if (line.StartsWith('\u0001'))
                {
                    current = DateOnly.TryParseExact(line[1..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
                }
                else if (line.Length > 0 && current is { } day)
                {
                    dates.TryAdd(line.Replace('\\', '/'), day);
                }
            }

            if (!git.WaitForExit(10_000) || git.ExitCode != 0)
            {
                return new Dictionary<string, DateOnly>();
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            // No git on this machine: pages show no last-updated date.
            return new Dictionary<string, DateOnly>();
        }

        return dates;
    }

    /// <summary>A fingerprint of the dates, for cache keys.</summary>
    public static string Fingerprint(IReadOnlyDictionary<string, DateOnly> dates) =>
        Engine.Modules.BuildCache.Key(dates.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value:yyyy-MM-dd}").ToArray());
}
