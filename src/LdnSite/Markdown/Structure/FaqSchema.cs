namespace LdnSite.Markdown.Structure;

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Markdig.Syntax;

/// <summary>
/// schema.org <c>FAQPage</c> JSON-LD from a FAQ page's syntax tree: each h2 is a question and the
/// blocks until the next h2 are its answer, so the data always matches what readers see.
/// </summary>
public static class FaqSchema
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>The questions and answers of a FAQ page, in order.</summary>
    public static IReadOnlyList<(string Question, string Answer)> Questions(MarkdownDocument document)
    {
        var questions = new List<(string, string)>();
        string? question = null;
        var answer = new StringBuilder();
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 2 } heading)
            {
                if (question is not null)
                {
                    questions.Add((question, PlainText.Collapse(answer)));
                }

                question = PlainText.Of(heading);
                answer.Clear();
            }
            else if (question is not null)
            {
                PlainText.Append(block, answer);
            }
        }

        if (question is not null)
        {
            questions.Add((question, PlainText.Collapse(answer)));
        }

        return questions;
    }

    /// <summary>The JSON-LD text, safe to place inside a script element.</summary>
    public static string JsonLd(MarkdownDocument document)
    {
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "FAQPage",
            ["mainEntity"] = new JsonArray(Questions(document).Select(q => (JsonNode)new JsonObject
            {
                ["@type"] = "Question",
                ["name"] = q.Question,
                ["acceptedAnswer"] = new JsonObject { ["@type"] = "Answer", ["text"] = q.Answer },
            }).ToArray()),
        };

        // The default encoder escapes '<', '>' and '&', so the text cannot close the script element.
        return json.ToJsonString(Options);
    }
}
