namespace LdnSite.Tests.Engine;

using LdnSite.Engine.Diagnostics;

/// <summary>
/// A rebuilding engine sorts its diagnostics by updating the last build's list; it must give
/// exactly what sorting them afresh gives. Random builds keep most objects, drop some, add new
/// ones (some equal in value to kept ones, some repeated), as cached and re-rendered pages do.
/// </summary>
public sealed class SortedDiagnosticsTests
{
    [Fact]
    public void Updating_the_last_sorted_list_gives_what_a_fresh_sort_gives()
    {
        for (var run = 0; run < 100; run++)
        {
            var random = new Random(run);
            var sorted = new SortedDiagnostics();
            var reported = Enumerable.Range(0, 40).Select(_ => Make(random)).ToList();
            for (var build = 0; build < 30; build++)
            {
                var bag = new DiagnosticBag();
                foreach (var diagnostic in reported)
                {
                    bag.Add(diagnostic);
                }

                Assert.Equal(bag.Sorted(), sorted.Of(bag.Items));

                // The next build: most objects again, a few dropped, a few new (or copies of old values).
                reported = [.. reported.Where(_ => random.Next(10) > 0)];
                for (var added = random.Next(6); added > 0; added--)
                {
                    reported.Add(random.Next(3) == 0 && reported.Count > 0 ? reported[random.Next(reported.Count)] with { } : Make(random));
                }

                if (random.Next(20) == 0)
                {
                    reported = [.. Enumerable.Range(0, 600).Select(_ => Make(random))];
                }
            }
        }
    }

    private static Diagnostic Make(Random random) =>
        new($"p{random.Next(6)}.md", random.Next(3), random.Next(2), random.Next(2) == 0 ? Severity.Warning : Severity.Error, $"LDN0{random.Next(3)}", $"m{random.Next(2)}");
}
