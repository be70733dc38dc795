namespace LdnSite.Tests.Support;

using System.Runtime.CompilerServices;
using System.Text;
using AngleSharp.Diffing;
using AngleSharp.Diffing.Core;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;

/// <summary>
/// Snapshot testing for HTML, following Verify's conventions (Verify itself is not served here):
/// the accepted snapshot is <c>Name.verified.html</c> beside the test; on a mismatch the new
/// output is written to <c>Name.received.html</c> and the test fails with a one-line summary and
/// a unified diff of the two pretty-printed pages, only the changed regions with three lines of
/// context. Whether they differ is decided semantically (AngleSharp.Diffing), so whitespace
/// between elements is not a change. Set <c>LDNSITE_ACCEPT_SNAPSHOTS=1</c> to accept every
/// received snapshot; each file written is named in the test's output.
/// Snapshots are normalised (pretty-printed, attributes sorted) so a pull request's diff shows
/// exactly what changed for readers.
/// </summary>
public static class HtmlSnapshot
{
    /// <summary>The environment variable that accepts received snapshots.</summary>
    public const string AcceptVariable = "LDNSITE_ACCEPT_SNAPSHOTS";

    /// <summary>The command that accepts every changed snapshot (the fast tests hold them all).</summary>
    public const string AcceptCommand = AcceptVariable + "=1 dotnet test --filter \"Category!=Slow\"";

    // A page rewritten end to end would print thousands of lines; the received file has them all.
    private const int MaxDiffLines = 200;

    private static readonly HtmlParser Parser = new();

    /// <summary>Compares <paramref name="html"/> with the verified snapshot <paramref name="name"/> in the test's folder.</summary>
    /// <param name="name">The snapshot's name (the page's, e.g. <c>safety</c>).</param>
    /// <param name="html">The page as built.</param>
    /// <param name="log">Where to say which file accepting wrote (the test's output).</param>
    /// <param name="testFile">The calling test's file; snapshots live beside it.</param>
    public static void Verify(string name, string html, Action<string>? log = null, [CallerFilePath] string testFile = "")
    {
        var folder = Path.GetDirectoryName(testFile)!;
        var verifiedPath = Path.Combine(folder, name + ".verified.html");
        var receivedPath = Path.Combine(folder, name + ".received.html");
        var received = Normalise(html);
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";

        string? problem = null;
        if (!File.Exists(verifiedPath))
        {
            problem = $"{name}: no verified snapshot yet.";
        }
        else
        {
            problem = Compare(name, File.ReadAllText(verifiedPath), received);
        }

        if (problem is null)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(folder);
        if (accept)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            // On the console too: the runner shows a passing test's own output only in detail.
            var accepted = $"Accepted: wrote {Path.GetRelativePath(RepositoryPaths.Root, verifiedPath)} ({problem.Split('\n')[0]})";
            Console.WriteLine(accepted);
            log?.Invoke(accepted);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail($"{problem}\nReceived output: {receivedPath}\nIf the change is intended, review it, then accept every changed snapshot with:\n  {AcceptCommand}");
    }

    /// <summary>
    /// Null when the pages are equal in meaning; otherwise the summary line, then the unified
    /// diff of the pretty-printed pages (verified as '-', received as '+').
    /// </summary>
    public static string? Compare(string name, string verified, string received)
    {
        var differences = Differences(verified, received);
        if (differences.Count == 0)
        {
            return null;
        }

        var diff = UnifiedDiff.Of(Normalise(verified), Normalise(received));
        if (diff.Regions == 0)
        {
            // Equal once pretty-printed, yet different in meaning (rare): say where.
            return $"{name}: differs from its verified snapshot in {differences.Count} place(s):\n  " + string.Join("\n  ", differences.Take(20));
        }

        var lines = diff.Text.TrimEnd('\n').Split('\n');
        var shown = string.Join("\n", lines.Take(MaxDiffLines));
        var more = lines.Length > MaxDiffLines ? $"\n… {lines.Length - MaxDiffLines} more diff lines; the received file has the whole page." : "";
        return $"{name}: {diff.Summary}\n--- {name}.verified.html\n+++ {name}.received.html\n{shown}{more}";
    }

    /// <summary>Pretty-printed HTML with each element's attributes in name order.</summary>
    public static string Normalise(string html)
    {
        var document = Parser.ParseDocument(html);
        foreach (var element in document.All)
        {
            var attributes = element.Attributes.Select(a => (a.Name, a.Value)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
            foreach (var (attributeName, _) in attributes)
            {
                element.RemoveAttribute(attributeName);
            }

            foreach (var (attributeName, value) in attributes)
            {
                element.SetAttribute(attributeName, value);
            }
        }

        using var writer = new StringWriter();
        document.ToHtml(writer, new PrettyMarkupFormatter { Indentation = "  ", NewLine = "\n" });
        return writer.ToString().Trim() + "\n";
    }

    /// <summary>The semantic differences between two HTML documents, described for a reader.</summary>
    public static IReadOnlyList<string> Differences(string verified, string received) =>
        DiffBuilder.Compare(verified).WithTest(received).Build().Select(Describe).ToList();

    private static string Describe(IDiff diff) => diff switch
    {
        NodeDiff node => $"changed {node.Control.Path}: {Change(Text(node.Control.Node), Text(node.Test.Node))}",
        AttrDiff attribute => $"changed attribute {attribute.Control.Path}: '{attribute.Control.Attribute.Value}' became '{attribute.Test.Attribute.Value}'",
        MissingNodeDiff missing => $"missing {missing.Control.Path}: '{Shorten(Text(missing.Control.Node))}'",
        UnexpectedNodeDiff unexpected => $"unexpected {unexpected.Test.Path}: '{Shorten(Text(unexpected.Test.Node))}'",
        MissingAttrDiff missing => $"missing attribute {missing.Control.Path}",
        UnexpectedAttrDiff unexpected => $"unexpected attribute {unexpected.Test.Path}",
        _ => diff.ToString() ?? diff.GetType().Name,
    };

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;

    private static string Text(INode node) => (node is IElement element ? element.OuterHtml : node.TextContent).ReplaceLineEndings(" ");

    /// <summary>Both versions around the first character that differs, so long texts stay readable.</summary>
    private static string Change(string before, string after)
    {
        var at = 0;
        while (at < before.Length && at < after.Length && before[at] == after[at])
        {
            at++;
        }

        var start = Math.Max(0, at - 40);
        string Window(string text) => (start > 0 ? "…" : "") + text[start..Math.Min(text.Length, at + 80)] + (at + 80 < text.Length ? "…" : "");
        return $"'{Window(before)}' became '{Window(after)}'";
    }
}
