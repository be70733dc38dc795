namespace LdnSite.Tests.Evidence;

using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Tests.Support;

/// <summary>The checked study facts in references.yaml, and the errors a wrong entry gets.</summary>
public sealed class ReferenceDataTests
{
    private static List<Reference> RealReferences()
    {
        var path = Path.Combine(RepositoryPaths.Input, "_data", "references.yaml");
        return YamlList.Read<Reference>("_data/references.yaml", File.ReadAllText(path), (r, line) => r.Line = line);
    }

    [Fact]
    public void Every_real_reference_has_the_study_fields_and_they_validate()
    {
        var path = Path.Combine(RepositoryPaths.Input, "_data", "references.yaml");
        var lines = File.ReadAllText(path).Split('\n');
        var references = RealReferences();
        Assert.True(references.Count >= 10);
        foreach (var reference in references)
        {
            Assert.Empty(ReferenceRules.Check(reference, "_data/references.yaml", lines));
            Assert.NotNull(reference.DesignInfo);
            if (reference.DesignInfo!.IsStudy)
            {
                Assert.False(string.IsNullOrWhiteSpace(reference.Outcome), reference.Key);
                Assert.False(string.IsNullOrWhiteSpace(reference.Limits), reference.Key);
                Assert.NotEmpty(reference.Conditions);
                Assert.True(reference.Doi.Length > 0 || reference.Pmid is not null || (reference.Publisher is not null && reference.Url is not null), reference.Key);
            }
            else
            {
                Assert.StartsWith("https://", reference.Url);
            }
        }
    }

    [Fact]
    public void Every_doi_is_well_formed_and_unique()
    {
        var dois = RealReferences().Where(r => r.Doi.Length > 0).Select(r => r.Doi.ToLowerInvariant()).ToList();
        Assert.All(dois, doi => Assert.Matches(@"^10\.\d{4,9}/[^\s""<>]+$", doi));
        Assert.Equal(dois.Count, dois.Distinct().Count());
    }

    [Fact]
    public void Every_reference_says_where_it_was_checked()
    {
        // Each entry is preceded by '# checked:' comments naming the page its facts were read on.
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Input, "_data", "references.yaml"));
        foreach (var (line, index) in lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("- key:", StringComparison.Ordinal)))
        {
            var above = lines.Take(index).Reverse().TakeWhile(l => l.StartsWith('#') || l.Length == 0).ToList();
            Assert.True(above.Any(l => l.StartsWith("# checked: ", StringComparison.Ordinal)), $"{line} has no '# checked:' line above it");
        }
    }

    private static async Task<IReadOnlyList<Diagnostic>> ErrorsFor(string references)
    {
        using var temp = new TempFolder();
        temp.Write("input/_data/references.yaml", references);
        temp.Write("input/index.md", TestSites.Page("Home", "A claim [@smith2007]."));
        var result = await TestSites.BuildAsync(TestSites.Settings(temp["input"], temp["output"]));
        return result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
    }

    private const string Valid = """
        - key: smith2007
          authors: [Smith JP]
          title: A study
          journal: J Test
          year: 2007
          doi: 10.1000/abc
          design: open-label
          participants: {count: 17, who: adults}
          outcome: Scores fell.
          conditions: [crohns]
        """;

    [Fact]
    public async Task An_unknown_design_is_an_error_at_its_line()
    {
        var error = Assert.Single(await ErrorsFor(Valid.Replace("design: open-label", "design: anecdote")));
        Assert.Equal(("_data/references.yaml", 7, "LDN041"), (error.Path, error.Line, error.Code));
        Assert.Contains("design 'anecdote' is not one of: systematic-review", error.Message);
    }

    [Fact]
    public async Task A_field_given_twice_in_one_entry_is_an_error_at_the_second()
    {
        var error = Assert.Single(await ErrorsFor(Valid.Replace("  year: 2007\n", "  year: 2007\n  year: 2008\n")));
        Assert.Equal(("_data/references.yaml", 6, "LDN040"), (error.Path, error.Line, error.Code));
        Assert.Contains("The key 'year' is given twice", error.Message);
    }

    [Theory]
    [InlineData("https://x.example/a\" onclick=\"alert(1)?q=<script>")]
    [InlineData("https://x.example/a b")]
    [InlineData("https://user:secret@x.example/")]
    [InlineData("http://x.example/")]
    public async Task A_url_that_is_not_a_plain_https_address_is_an_error_at_its_line(string url)
    {
        var error = Assert.Single(await ErrorsFor(Valid.Replace("  doi: 10.1000/abc\n", $"  doi: 10.1000/abc\n  url: '{url}'\n")));
        Assert.Equal(("_data/references.yaml", 7, "LDN041"), (error.Path, error.Line, error.Code));
        Assert.Contains("must be a full https:// address", error.Message);
    }

    [Fact]
    public async Task A_url_with_an_apostrophe_is_a_plain_https_address()
    {
        Assert.Empty(await ErrorsFor(Valid.Replace("  doi: 10.1000/abc\n", "  doi: 10.1000/abc\n  url: 'https://en.wikipedia.org/wiki/Crohn''s_disease'\n")));
    }

    [Fact]
    public async Task A_wrong_type_is_an_error_at_its_line()
    {
        var error = Assert.Single(await ErrorsFor(Valid.Replace("count: 17", "count: many")));
        Assert.Equal(("_data/references.yaml", 8, "LDN040"), (error.Path, error.Line, error.Code));
    }

    [Fact]
    public async Task A_malformed_doi_and_pmid_are_errors_at_their_lines()
    {
        var errors = await ErrorsFor(Valid.Replace("doi: 10.1000/abc", "doi: https://doi.org/10.1000/abc\n  pmid: PMID123"));
        Assert.Contains(errors, e => e is { Code: "LDN041", Line: 6 } && e.Message.Contains("is not a DOI", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Code: "LDN041", Line: 7 } && e.Message.Contains("not a PubMed id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_study_without_outcome_or_identifier_is_an_error()
    {
        var errors = await ErrorsFor(Valid.Replace("  doi: 10.1000/abc\n", "").Replace("  outcome: Scores fell.\n", ""));
        Assert.Contains(errors, e => e.Message.Contains("needs a DOI or a PMID", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("needs its main outcome", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_doi_twice_is_an_error()
    {
        var errors = await ErrorsFor(Valid + "\n" + Valid.Replace("smith2007", "other2008"));
        Assert.Contains(errors, e => e.Code == "LDN046");
    }
}
