namespace LdnSite.Engine.Output;

using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;

/// <summary>
/// The one gate every output path passes before anything is written: a destination must be a
/// plain relative path that stays inside the output folder, and no two documents may claim the
/// same file, also where only letter case differs (one file on macOS, Windows and in a zip) or
/// where one document's file is another's folder.
/// </summary>
public static class OutputPaths
{
    /// <summary>Why <paramref name="destination"/> is not a safe output path, or null when it is.</summary>
    public static string? Problem(string destination)
    {
        if (destination.Length == 0 || destination.Length > 1024)
        {
            return "it is empty or longer than 1,024 characters";
        }

        // The two ranges are what char.IsControl accepts (C0, and DEL with C1).
        if (destination.Contains('\\') || destination.AsSpan().ContainsAnyInRange('\0', '\u001f') || destination.AsSpan().ContainsAnyInRange('\u007f', '\u009f')
            || destination.StartsWith('/') || Path.IsPathRooted(destination))
        {
            return "it is not a relative path with '/' separators";
        }

        // Parts are looked at in place: every document's path is checked twice per build.
        foreach (var range in destination.AsSpan().Split('/'))
        {
            var segment = destination.AsSpan(range);
            if (segment is "" or "." or "..")
            {
                return "it has an empty, '.' or '..' part, so it could land outside the output folder";
            }

            if (System.Text.Encoding.UTF8.GetByteCount(segment) > 255)
            {
                return "one of its parts is longer than a file name may be (255 bytes)";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="path"/> (full) lies inside <paramref name="folder"/> (full).</summary>
    public static bool IsInside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every unsafe or colliding destination among the pipelines' documents (in pipeline order), naming
    /// the documents involved; a clash is reported on the later document, the one read from the input
    /// folder when the other is generated.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Check(IEnumerable<(string Pipeline, Document Document)> outputs, EngineCodes codes)
    {
        var problems = new List<Diagnostic>();
        // Each file's first claimant and its pipeline, in one table: this runs over every document twice a build.
        var files = new Dictionary<string, (Document Document, string Pipeline)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pipeline, document) in outputs)
        {
            if (document.Destination.Length == 0)
            {
                continue;
            }

            if (Problem(document.Destination) is { } problem)
            {
                problems.Add(Diagnostic.Error(PathOf(document), 0, 0, codes.PathRefused, $"Its output path '{document.Destination}' is refused: {problem}. Rename the file."));
            }
            else if (files.TryGetValue(document.Destination, out var first))
            {
                var name = first.Document.Source.Length > 0 ? $"'{first.Document.Source}' ({first.Pipeline})" : $"the generated '{first.Document.Destination}' ({first.Pipeline})";
                problems.Add(Diagnostic.Error(PathOf(document), 0, 0, codes.PathClash,
                    $"It would be written to '{document.Destination}', which {name} is written to as well{(first.Document.Destination == document.Destination ? "" : " (the names differ only in letter case)")}. Rename or remove one of them."));
            }
            else
            {
                files.Add(document.Destination, (document, pipeline));
            }
        }

        // A file whose path is another file's folder ("a" and "a/index.html") cannot both exist.
        var byFolder = files.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (destination, (document, _)) in files)
        {
            for (var slash = destination.IndexOf('/'); slash > 0; slash = destination.IndexOf('/', slash + 1))
            {
                if (byFolder.TryGetValue(destination.AsSpan(0, slash), out var claim) && claim.Document is var blocker)
                {
                    problems.Add(Diagnostic.Error(PathOf(blocker), 0, 0, codes.PathUnderFile,
                        $"Its output file '{blocker.Destination}' is also the folder of '{destination}' (from {(document.Source.Length > 0 ? document.Source : "a generated file")}). Rename one of them."));
                }
            }
        }

        return problems;
    }

    private static string PathOf(Document document) => document.Source.Length > 0 ? document.Source : document.Destination;
}
