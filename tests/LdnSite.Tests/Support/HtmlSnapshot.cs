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
/// output is written to <c>Name.received.html</c> and the test fails listing the differences,
/// compared semantically with AngleSharp.Diffing. Set <c>LDNSITE_ACCEPT_SNAPSHOTS=1</c> to
/// accept every received snapshot (or delete the verified file and rename the received one).
/// Snapshots are normalised (pretty-printed, attributes sorted) so a pull request's diff shows
/// exactly what changed for readers.
/// </summary>
public static class HtmlSnapshot
{
    /// <summary>The environment variable that accepts received snapshots.</summary>
    public const string AcceptVariable = "LDNSITE_ACCEPT_SNAPSHOTS";

    private static readonly HtmlParser Parser = new();

    /// <summary>Compares <paramref name="html"/> with the verified snapshot <paramref name="name"/> in the test's folder.</summary>
    public static void Verify(string name, string html, [CallerFilePath] string testFile = "")
    {
        var folder = Path.GetDirectoryName(testFile)!;
        var verifiedPath = Path.Combine(folder, name + ".verified.html");
        var receivedPath = Path.Combine(folder, name + ".received.html");
        var received = Normalise(html);
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";

        string? problem = null;
        if (!File.Exists(verifiedPath))
        {
            problem = $"No verified snapshot for {name} yet.";
        }
        else
        {
            var differences = Differences(File.ReadAllText(verifiedPath), received);
            if (differences.Count > 0)
            {
                problem = $"{name}: the output differs from its verified snapshot in {differences.Count} place(s):\n  " + string.Join("\n  ", differences.Take(20));
            }
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
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail($"{problem}\nReceived output: {receivedPath}\nIf the change is intended, review it and run the tests with {AcceptVariable}=1 to accept it.");
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
