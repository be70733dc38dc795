namespace LdnSite.Tests.Engine;

using LdnSite.Engine.Documents;
using LdnSite.Engine.Output;
using LdnSite.Engine.Diagnostics;

/// <summary>
/// The rebuilding engine's path check must find exactly what the whole check finds. Random claim
/// lists over a tiny alphabet (so clashes, case-only clashes, files that are folders and unsafe
/// paths all happen) are changed a few places at a time, and each is checked both ways.
/// </summary>
public sealed class OutputPathMemoTests
{
    private static readonly string[] Parts = ["a", "A", "b", "a.js", "b.js", "..", ""];

    [Fact]
    public void Checking_only_the_changed_claims_finds_what_checking_all_of_them_finds()
    {
        var clean = 0;
        for (var run = 0; run < 200; run++)
        {
            var random = new Random(run);
            var memo = new OutputPathMemo();
            var claims = Enumerable.Range(0, 12).Select(_ => Claim(random)).ToList();
            for (var step = 0; step < 20; step++)
            {
                var expected = OutputPaths.Check(claims, EngineCodes.Plain).Select(d => d.ToString()).ToList();
                var actual = memo.Check(claims, EngineCodes.Plain).Select(d => d.ToString()).ToList();
                Assert.Equal(expected, actual);
                clean += expected.Count == 0 ? 1 : 0;

                // Most rebuilds rename a few outputs in place; some add or drop one.
                for (var changes = random.Next(1, 3); changes > 0; changes--)
                {
                    claims[random.Next(claims.Count)] = Claim(random);
                }

                if (random.Next(10) == 0)
                {
                    claims.Add(Claim(random));
                }
            }
        }

        // Enough clean steps that the incremental path, not only the fallback, was exercised.
        Assert.True(clean > 300, $"only {clean} clean steps");
    }

    private static (string Pipeline, Document Document) Claim(Random random)
    {
        // Mostly unique, safe names under a few folders; now and then one drawn from parts that clash.
        var destination = random.Next(4) == 0
            ? string.Join('/', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Parts[random.Next(Parts.Length)]))
            : $"{Parts[random.Next(3)]}/f{random.Next(1000)}.html";
        var pipeline = random.Next(2) == 0 ? "Content" : "SearchIndex";
        return (pipeline, new Document(random.Next(2) == 0 ? "" : $"p{random.Next(5)}.md", destination, Metadata.Empty, new TextContent("")));
    }
}
