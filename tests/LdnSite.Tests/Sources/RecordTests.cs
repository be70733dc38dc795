namespace LdnSite.Tests.Sources;

using LdnSite.Build;
using LdnSite.Data;
using LdnSite.Tests.Safety;

/// <summary><c>check-sources --record</c>: the "# checked:" comments become data the build reads.</summary>
public sealed class RecordTests
{
    [Fact]
    public async Task Record_writes_one_verified_line_per_entry_keeps_every_comment_and_the_build_accepts_it()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        var before = File.ReadAllLines(fake.ReferencesPath);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (exitCode, output, error) = await fake.CheckAsync("--record");
        Assert.True(exitCode == 0, output + error);
        var after = File.ReadAllLines(fake.ReferencesPath);

        // Two lines added, at the entries' indentation right after their last identifier; nothing else changed.
        Assert.Equal(before.Length + 2, after.Length);
        Assert.Equal($"  verified: {{doi: {today}, pmid: {today}, trial: {today}}}", after[fake.LineOf("trial:") - 1 + 1]);
        Assert.Equal($"  verified: {{doi: {today}, pmid: {today}}}", after[fake.LineOf("pmid:", "key: smith2011")]);
        Assert.Equal(before, after.Where(l => !l.TrimStart().StartsWith("verified:", StringComparison.Ordinal)));

        // The build's own reader and rules accept the new field.
        var references = YamlList.Read<Reference>("references.yaml", File.ReadAllText(fake.ReferencesPath), (r, line) => r.Line = line);
        Assert.All(references, r => Assert.Empty(ReferenceRules.Check(r, "references.yaml", after)));
        Assert.Equal(today, references[0].Verified!.Trial);

        // A second run replaces the line instead of adding one, and keeps a date it could not renew.
        fake.Crossref("10.1007/s10620-011-1653-7", "not json");
        File.WriteAllText(fake.ReferencesPath, File.ReadAllText(fake.ReferencesPath).Replace($"verified: {{doi: {today}, pmid: {today}}}", "verified: {doi: 2026-01-02, pmid: 2026-01-02}", StringComparison.Ordinal));
        await fake.CheckAsync("--record", "--no-cache");
        var again = File.ReadAllLines(fake.ReferencesPath);
        Assert.Equal(after.Length, again.Length);
        Assert.Contains($"  verified: {{doi: 2026-01-02, pmid: {today}}}", again);
    }

    [Fact]
    public void A_verified_date_that_is_not_a_date_is_refused_by_the_build()
    {
        var text = FakeRegistries.References.Replace("  pmid: \"23188075\"\n", "  pmid: \"23188075\"\n  verified: {doi: yesterday}\n", StringComparison.Ordinal);
        var references = YamlList.Read<Reference>("references.yaml", text, (r, line) => r.Line = line);
        var problem = Assert.Single(ReferenceRules.Check(references[0], "references.yaml", text.Split('\n')));
        Assert.Contains("verified doi 'yesterday' must be a date", problem.Message);
    }

    [Fact]
    public async Task A_sources_card_says_when_its_identifiers_were_verified()
    {
        using var site = new HostileSite();
        var references = HostileSite.References.Replace("  pmid: \"17222320\"\n", "  pmid: \"17222320\"\n  verified: {pmid: 2026-12-07}\n", StringComparison.Ordinal);
        Assert.NotEqual(HostileSite.References, references);
        site.Write("input/_data/references.yaml", references);
        var result = await new SiteBuild(site.Settings).RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains("<p class=\"ref__verified\">PubMed id verified on 2026-12-07.</p>", File.ReadAllText(site["output/index.html"]));
    }
}
