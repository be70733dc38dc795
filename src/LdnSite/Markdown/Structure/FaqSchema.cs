namespace LdnSite.Markdown.Structure;

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Markdig.Syntax;

/// <summary>
/// schema.org <c>FAQPage</c> JSON-LD from a FAQ page's syntax tree: each top-level h2 is a
/// question and the text until the next one is its answer, read in the page's one walk, so the
/// data always matches what readers see.
/// </summary>
public sealed class FaqSchema : ILeafTextVisitor
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    private readonly List<(string Question, string Answer)> _questions = [];
    private readonly StringBuilder _answer = new();
    private string? _question;

    /// <summary>The JSON-LD of <paramref name="document"/> on its own (the page renderer gathers it in its one walk).</summary>
    public static string JsonLd(MarkdownDocument document)
    {
        var faq = new FaqSchema();
        new PageWalk([faq]).Run(document);
        return faq.JsonLd();
    }

    /// <inheritdoc />
    public void Text(LeafBlock leaf, StringBuilder text)
    {
        if (leaf is HeadingBlock { Level: 2 } && leaf.Parent is MarkdownDocument)
        {
            Flush();
            _question = text.ToString().Trim();
        }
        else if (_question is not null)
        {
            _answer.Append(text);
        }
    }

    /// <summary>The JSON-LD text once the walk is over, safe to place inside a script element.</summary>
    public string JsonLd()
    {
        Flush();
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "FAQPage",
            ["mainEntity"] = new JsonArray(_questions.Select(q => (JsonNode)new JsonObject
            {
                ["@type"] = "Question",
                ["name"] = q.Question,
                ["acceptedAnswer"] = new JsonObject { ["@type"] = "Answer", ["text"] = q.Answer },
            }).ToArray()),
        };

        // The default encoder escapes '<', '>' and '&', so the text cannot close the script element.
        return json.ToJsonString(Options);
    }

    private void Flush()
    {
        if (_question is not null)
        {
            _questions.Add((_question, PlainText.Collapse(_answer)));
            _question = null;
            _answer.Clear();
        }
    }
}
