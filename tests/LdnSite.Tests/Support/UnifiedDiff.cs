namespace LdnSite.Tests.Support;

using System.Text;
using DiffPlex;

/// <summary>
/// A unified diff of two texts, line by line (DiffPlex finds the changes), as <c>git diff</c>
/// shows it: only the changed regions, each with a few lines of context and an
/// <c>@@ -old,count +new,count @@</c> header.
/// </summary>
public sealed class UnifiedDiff
{
    private UnifiedDiff(string text, int changedLines, int regions)
    {
        Text = text;
        ChangedLines = changedLines;
        Regions = regions;
    }

    /// <summary>The hunks, each line starting with ' ', '-' or '+'; empty when the texts are equal.</summary>
    public string Text { get; }

    /// <summary>Lines removed plus lines added.</summary>
    public int ChangedLines { get; }

    /// <summary>How many hunks (changes closer than twice the context are one region).</summary>
    public int Regions { get; }

    /// <summary>"3 lines changed in 1 region".</summary>
    public string Summary => $"{ChangedLines} line{(ChangedLines == 1 ? "" : "s")} changed in {Regions} region{(Regions == 1 ? "" : "s")}";

    /// <summary>Compares <paramref name="before"/> with <paramref name="after"/>.</summary>
    public static UnifiedDiff Of(string before, string after, int context = 3)
    {
        var result = new Differ().CreateLineDiffs(before, after, ignoreWhitespace: false);
        var (a, b) = (result.PiecesOld, result.PiecesNew);
        var text = new StringBuilder();
        var changed = 0;
        var regions = 0;
        var blocks = result.DiffBlocks;
        for (var first = 0; first < blocks.Count;)
        {
            // Blocks whose contexts touch form one hunk.
            var last = first;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * context)
            {
                last++;
            }

            var startA = Math.Max(0, blocks[first].DeleteStartA - context);
            var startB = Math.Max(0, blocks[first].InsertStartB - context);
            var endA = Math.Min(a.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + context);
            var endB = Math.Min(b.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + context);
            text.Append($"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@\n");
            var at = startA;
            for (var i = first; i <= last; i++)
            {
                var block = blocks[i];
                for (; at < block.DeleteStartA; at++)
                {
                    text.Append(' ').Append(a[at]).Append('\n');
                }

                for (var d = 0; d < block.DeleteCountA; d++)
                {
                    text.Append('-').Append(a[block.DeleteStartA + d]).Append('\n');
                }

                for (var n = 0; n < block.InsertCountB; n++)
                {
                    text.Append('+').Append(b[block.InsertStartB + n]).Append('\n');
                }

                at = block.DeleteStartA + block.DeleteCountA;
                changed += block.DeleteCountA + block.InsertCountB;
            }

            for (; at < endA; at++)
            {
                text.Append(' ').Append(a[at]).Append('\n');
            }

            regions++;
            first = last + 1;
        }

        return new UnifiedDiff(text.ToString(), changed, regions);
    }
}
