namespace LdnSite.Tests.Sources;

/// <summary>
/// <c>ldnsite check-sources</c> against fake registries answering as the real ones do: each
/// disagreement is an error at the line and column of the field, and the exit code is 1.
/// </summary>
public sealed class IdentifierCheckTests
{
    private const string SeedDoi = "10.1097/MCG.0b013e3182702cc7";

    [Fact]
    public async Task Entries_that_match_their_registries_are_verified_and_the_run_succeeds()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        var (exitCode, output, error) = await fake.CheckAsync();
        Assert.True(exitCode == 0, output + error);
        Assert.DoesNotContain(": error ", output + error);
        Assert.DoesNotContain(": warning ", output + error);
        Assert.Contains("5 of 5 identifiers verified; 0 error(s), 0 warning(s); 5 request(s) sent", output);
        Assert.Contains("\"A made-up brief title for a test\" (COMPLETED)", output); // the trial's title and status in the table
    }

    [Fact]
    public async Task The_seed_notes_wrong_Smith_2013_DOI_is_caught_by_Crossref_and_by_PubMeds_own_DOI()
    {
        // The seed notes gave Smith 2013 the DOI …3182702cc7; PubMed's record 23188075 gives …3182702f2b.
        using var fake = new FakeRegistries(FakeRegistries.References.Replace("10.1097/MCG.0b013e3182702f2b", SeedDoi, StringComparison.Ordinal)).AnswerAllCorrectly();
        fake.Crossref(SeedDoi, Answers.CrossrefWork("A different paper in the same journal (a made-up title for this test)", "Other", 2012, "Journal of Clinical Gastroenterology", "J Clin Gastroenterol", "46", "1-5"));

        var (exitCode, output, error) = await fake.CheckAsync();

        Assert.Equal(1, exitCode);
        var doiLine = fake.LineOf("doi:");
        Assert.Contains($"references.yaml({doiLine},8): error LDN200: Reference 'smith2013': DOI {SeedDoi} resolves to \"A different paper in the same journal (a made-up title for this test)\" (2012, J Clin Gastroenterol), not \"{FakeRegistries.Smith2013Title}\"", error);
        Assert.Contains($"references.yaml({doiLine},8): error LDN203: Reference 'smith2013': PubMed gives PMID 23188075 the DOI 10.1097/MCG.0b013e3182702f2b, not {SeedDoi}", error);
        Assert.Contains("3 of 5 identifiers verified; 2 error(s)", output);
    }

    [Fact]
    public async Task A_year_volume_or_journal_that_differs_from_Crossref_is_reported_at_its_own_line()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.Crossref("10.1007/s10620-011-1653-7", Answers.CrossrefWork(FakeRegistries.Smith2011Title, "Smith", 2012, "Digestive Diseases and Sciences", "Dig Dis Sci", "57", "2088-2097"));
        var (exitCode, _, error) = await fake.CheckAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains($"references.yaml({fake.LineOf("year:", "key: smith2011")},9): error LDN200: Reference 'smith2011': Crossref gives DOI 10.1007/s10620-011-1653-7 the year 2012, not 2011.", error);
        Assert.Contains($"references.yaml({fake.LineOf("volume:", "key: smith2011")},11): error LDN200: Reference 'smith2011': Crossref gives DOI 10.1007/s10620-011-1653-7 the volume 57, not 56.", error);
    }

    [Fact]
    public async Task A_PMID_that_PubMed_gives_another_title_is_an_error_at_the_pmid()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.PubMed("21380937", Answers.Esummary("21380937", "Some other paper entirely.", "2011 Jul", "Dig Dis Sci", "10.1007/s10620-011-1653-7"));
        var (exitCode, _, error) = await fake.CheckAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains($"references.yaml({fake.LineOf("pmid:", "key: smith2011")},9): error LDN202: Reference 'smith2011': PMID 21380937 is \"Some other paper entirely\" (2011, Dig Dis Sci), not", error);
    }

    [Fact]
    public async Task A_retracted_paper_is_an_error_and_an_erratum_a_warning()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.PubMed("21380937", Answers.Esummary("21380937", FakeRegistries.Smith2011Title + ".", "2011 Jul", "Dig Dis Sci", "10.1007/s10620-011-1653-7",
            pubtypes: "\"Journal Article\",\"Retracted Publication\"", references: """{"refsource":"Dig Dis Sci. 2020;1:1","reftype":"Retraction in","pmid":"99999991","note":""}"""));
        fake.PubMed("23188075", Answers.Esummary("23188075", FakeRegistries.Smith2013Title + ".", "2013 Apr", "J Clin Gastroenterol", "10.1097/MCG.0b013e3182702f2b",
            references: """{"refsource":"J Clin Gastroenterol. 2014;48(1):90","reftype":"Erratum in","pmid":"99999992","note":""}"""));
        var (exitCode, output, error) = await fake.CheckAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains($"references.yaml({fake.LineOf("pmid:", "key: smith2011")},9): error LDN205: Reference 'smith2011': PubMed marks PMID 21380937", error);
        Assert.Contains($"references.yaml({fake.LineOf("pmid:")},9): warning LDN206: Reference 'smith2013': PubMed lists an erratum for PMID 23188075 (J Clin Gastroenterol. 2014;48(1):90)", output);
        Assert.Contains("retracted", output);
    }

    [Fact]
    public async Task Identifiers_the_registries_do_not_know_are_errors()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.Crossref("10.1007/s10620-011-1653-7", null, status: 404);
        fake.PubMed("23188075", Answers.EsummaryUnknown("23188075"));
        fake.Trial("NCT00715117", null, status: 404);
        var (exitCode, _, error) = await fake.CheckAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains($"references.yaml({fake.LineOf("doi:", "key: smith2011")},8): error LDN201: Reference 'smith2011': DOI 10.1007/s10620-011-1653-7 is not registered at Crossref (answered 404)", error);
        Assert.Contains($"references.yaml({fake.LineOf("pmid:")},9): error LDN204: Reference 'smith2013': PubMed has no record 23188075", error);
        Assert.Contains($"references.yaml({fake.LineOf("trial:")},10): error LDN207: Reference 'smith2013': ClinicalTrials.gov has no trial NCT00715117", error);
    }

    [Fact]
    public async Task A_withdrawn_trial_is_a_warning()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.Trial("NCT00715117", Answers.Study("NCT00715117", "A made-up brief title for a test", "WITHDRAWN"));
        var (exitCode, output, _) = await fake.CheckAsync();
        Assert.Equal(0, exitCode);
        Assert.Contains($"references.yaml({fake.LineOf("trial:")},10): warning LDN208: Reference 'smith2013': ClinicalTrials.gov gives trial NCT00715117 the status WITHDRAWN", output);
    }

    [Fact]
    public async Task Registries_are_asked_with_the_contact_address_and_the_tool_name()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        await fake.CheckAsync("--no-cache");
        var pubMed = Assert.Single(fake.Requests("/eutils/"), r => r.RequestMessage.Query!["id"].Contains("23188075"));
        Assert.Equal("ldnsite", pubMed.RequestMessage.Query!["tool"].Single());
        Assert.Equal("maintainers@ldn.example.org", pubMed.RequestMessage.Query!["email"].Single());
        var crossref = fake.Requests("/crossref/")[0].RequestMessage;
        Assert.Equal("maintainers@ldn.example.org", crossref.Query!["mailto"].Single());
        Assert.Contains("mailto:maintainers@ldn.example.org", crossref.Headers!["User-Agent"].Single());
    }

    [Fact]
    public async Task Without_a_contact_address_it_warns_and_still_checks()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        var (exitCode, output, _) = await fake.CheckAsync("--contact-email", "");
        Assert.Equal(0, exitCode);
        Assert.Contains("warning LDN213", output);
        Assert.Contains("5 of 5 identifiers verified", output);
    }

    [Fact]
    public async Task A_registry_address_that_is_not_http_is_refused()
    {
        using var fake = new FakeRegistries();
        var (exitCode, _, error) = await fake.CheckAsync("--crossref-url", "file:///etc/");
        Assert.Equal(1, exitCode);
        Assert.Contains("--crossref-url: error LDN214", error);
        Assert.Empty(fake.Server.LogEntries);
    }
}
