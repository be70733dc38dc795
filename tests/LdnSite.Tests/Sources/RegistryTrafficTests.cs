namespace LdnSite.Tests.Sources;

using System.Diagnostics;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

/// <summary>
/// A good citizen of the registries, and hostile answers handled: the rate NCBI allows, the
/// cache, retries that wait for Retry-After, and timeouts, malformed and oversized bodies and
/// redirects each ending in a warning naming the reference (exit 0), never a hang or a trace.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RegistryTrafficTests
{
    private const string Smith2011Doi = "10.1007/s10620-011-1653-7";

    [Fact]
    public async Task PubMed_is_asked_at_most_three_times_a_second()
    {
        // Five PMIDs: without the limiter they would all arrive within a few milliseconds.
        var entries = string.Concat(Enumerable.Range(1, 5).Select(i => $"""
            - key: study{i}
              authors: ["Smith JP"]
              title: "Study number {i}"
              journal: "J Test"
              year: 2020
              pmid: "{1000 + i}"
              design: open-label
              outcome: "Something."
              conditions: [crohns]

            """));
        using var fake = new FakeRegistries(entries);
        foreach (var i in Enumerable.Range(1, 5))
        {
            fake.PubMed($"{1000 + i}", Answers.Esummary($"{1000 + i}", $"Study number {i}.", "2020 Jan", "J Test", null));
        }

        var (exitCode, output, error) = await fake.CheckAsync();
        Assert.True(exitCode == 0, output + error);
        var arrivals = fake.Requests("/eutils/").Select(r => r.RequestMessage.DateTime).ToList();
        Assert.Equal(5, arrivals.Count);
        // Spaced by the limiter (340 ms from each real start); measured where the server logs
        // them, so a little jitter is allowed: no four within a second, none closer than 280 ms.
        var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        var shown = $"requests {string.Join(", ", gaps.Select(g => $"{g:0} ms"))} apart";
        Assert.All(gaps, gap => Assert.True(gap >= 280, shown));
        Assert.All(Enumerable.Range(0, arrivals.Count - 3), i => Assert.True((arrivals[i + 3] - arrivals[i]).TotalMilliseconds >= 960, shown));
    }

    [Fact]
    public async Task A_second_run_asks_nothing_and_no_cache_asks_again()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        var first = await fake.CheckAsync();
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(5, fake.Server.LogEntries.Count());

        var second = await fake.CheckAsync();
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(5, fake.Server.LogEntries.Count()); // zero new requests
        Assert.Contains("0 request(s) sent, 5 answer(s) from the cache", second.Output);

        await fake.CheckAsync("--no-cache");
        Assert.Equal(10, fake.Server.LogEntries.Count());

        // Kept answers expire: with --cache-days 0 every answer is too old.
        await fake.CheckAsync("--cache-days", "0");
        Assert.Equal(15, fake.Server.LogEntries.Count());
    }

    [Fact]
    public async Task An_NCBI_key_is_sent_but_never_kept_in_the_cache_or_printed()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        var options = new LdnSite.Sources.SourceCheckOptions
        {
            InputFolder = fake.Input,
            SiteFolder = fake["output"],
            CacheFolder = fake["cache"],
            Contact = "maintainers@ldn.example.org",
            Crossref = new Uri(fake.Url + "/crossref/"),
            PubMed = new Uri(fake.Url + "/eutils/"),
            ClinicalTrials = new Uri(fake.Url + "/ctgov/"),
            NcbiApiKey = "secret-key-123",
        };
        Assert.Equal(TimeSpan.FromMilliseconds(110), options.PubMedInterval); // 10 a second with a key
        var result = await LdnSite.Sources.SourceCheck.RunAsync(options, record: false, progress: null, CancellationToken.None);
        Assert.False(result.Failed, string.Join("\n", result.Diagnostics));
        Assert.All(fake.Requests("/eutils/"), r => Assert.Equal("secret-key-123", r.RequestMessage.Query!["api_key"].Single()));
        Assert.DoesNotContain(Directory.EnumerateFiles(fake["cache"]), f => File.ReadAllText(f).Contains("secret-key-123", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Rows, r => r.Says.Contains("secret", StringComparison.Ordinal) || r.Id.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_for_and_then_answered()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.Server.Given(Request.Create().WithPath("/crossref/works/" + Smith2011Doi).UsingGet()).AtPriority(-10)
            .InScenario("slow down").WillSetStateTo("asked")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        fake.Server.Given(Request.Create().WithPath("/crossref/works/" + Smith2011Doi).UsingGet()).AtPriority(-10)
            .InScenario("slow down").WhenStateIs("asked")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(Answers.CrossrefWork(FakeRegistries.Smith2011Title, "Smith", 2011, "Digestive Diseases and Sciences", "Dig Dis Sci", "56", "2088-2097")));

        var (exitCode, output, error) = await fake.CheckAsync();
        Assert.True(exitCode == 0, output + error);
        Assert.Contains("5 of 5 identifiers verified", output);
        var asked = fake.Requests("/crossref/works/10.1007").Select(r => r.RequestMessage.DateTime).ToList();
        Assert.Equal(2, asked.Count);
        Assert.True((asked[1] - asked[0]).TotalMilliseconds >= 950, $"retried after {(asked[1] - asked[0]).TotalMilliseconds:0} ms, not after Retry-After: 1");
    }

    [Fact]
    public async Task A_registry_that_keeps_answering_429_or_503_is_a_warning_with_retry_advice()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.Server.Given(Request.Create().WithPath("/crossref/works/" + Smith2011Doi).UsingGet()).AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(503));
        var (exitCode, output, _) = await fake.CheckAsync();
        Assert.Equal(0, exitCode);
        Assert.Contains($"references.yaml({fake.LineOf("doi:", "key: smith2011")},8): warning LDN210: Reference 'smith2011': Crossref could not be asked about DOI {Smith2011Doi}: answered 503; run check-sources again later.", output);
        Assert.Equal(3, fake.Requests("/crossref/works/10.1007").Count); // the first try and --retries 2
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_run_waits_is_not_waited_for()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.Server.Given(Request.Create().WithPath("/crossref/works/" + Smith2011Doi).UsingGet()).AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "3600"));
        var clock = Stopwatch.StartNew();
        var (exitCode, output, _) = await fake.CheckAsync();
        Assert.Equal(0, exitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
        Assert.Contains("warning LDN210: Reference 'smith2011': Crossref could not be asked about DOI 10.1007/s10620-011-1653-7: asked to slow down (429), Retry-After 3600 s", output);
        Assert.Single(fake.Requests("/crossref/works/10.1007"));
    }

    [Fact]
    public async Task A_slow_registry_times_out_into_a_warning_not_a_hang()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.Server.Given(Request.Create().WithPath("/eutils/esummary.fcgi").WithParam("id", "21380937").UsingGet()).AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{}").WithDelay(TimeSpan.FromSeconds(2)));
        var clock = Stopwatch.StartNew();
        var (exitCode, output, _) = await fake.CheckAsync("--timeout", "0.5", "--retries", "1");
        Assert.Equal(0, exitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        Assert.Contains($"references.yaml({fake.LineOf("pmid:", "key: smith2011")},9): warning LDN210: Reference 'smith2011': PubMed could not be asked about PMID 21380937: no answer within 0.5 s", output);
        // WireMock logs a request when its (late) answer is sent: wait for both attempts to be logged.
        for (var wait = 0; wait < 50 && fake.Requests("/eutils/").Count(r => r.RequestMessage.Query!["id"].Contains("21380937")) < 2; wait++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, fake.Requests("/eutils/").Count(r => r.RequestMessage.Query!["id"].Contains("21380937")));
    }

    [Theory]
    [InlineData("{\"message\": {\"title\": [\"unclosed", "not valid JSON")]
    [InlineData("{\"status\":\"ok\",\"items\":[]}", "not the documented shape")]
    [InlineData("<html>Service unavailable</html>", "not valid JSON")]
    public async Task A_malformed_answer_is_a_warning_naming_the_reference(string body, string why)
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.Crossref(Smith2011Doi, body);
        var (exitCode, output, error) = await fake.CheckAsync();
        Assert.Equal(0, exitCode);
        Assert.Contains($"warning LDN211: Reference 'smith2011': Crossref's answer about DOI {Smith2011Doi} could not be read ({why})", output);
        Assert.DoesNotContain("   at ", output + error); // no stack trace
    }

    [Fact]
    public async Task An_oversized_answer_is_not_read()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.Trial("NCT00715117", "{\"protocolSection\":\"" + new string('x', 3 * 1024 * 1024) + "\"}");
        var (exitCode, output, _) = await fake.CheckAsync();
        Assert.Equal(0, exitCode);
        Assert.Contains($"references.yaml({fake.LineOf("trial:")},10): warning LDN211: Reference 'smith2013': ClinicalTrials.gov's answer about trial NCT00715117 was not read: it answered with more than 2 MB", output);
    }

    [Fact]
    public async Task A_redirect_loop_and_a_redirect_to_another_host_are_not_followed()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.Server.Given(Request.Create().WithPath("/crossref/works/" + Smith2011Doi).UsingGet()).AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/crossref/loop"));
        fake.Server.Given(Request.Create().WithPath("/crossref/loop").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/crossref/works/" + Smith2011Doi));
        fake.Server.Given(Request.Create().WithPath("/eutils/esummary.fcgi").WithParam("id", "23188075").UsingGet()).AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "http://registry.invalid/esummary.fcgi?id=23188075"));

        var (exitCode, output, _) = await fake.CheckAsync();
        Assert.Equal(0, exitCode);
        Assert.Contains($"warning LDN212: Reference 'smith2011': Crossref was not followed for DOI {Smith2011Doi}: it redirects in a loop", output);
        Assert.Contains($"references.yaml({fake.LineOf("pmid:")},9): warning LDN212: Reference 'smith2013': PubMed was not followed for PMID 23188075: it redirects to another host or scheme (http://registry.invalid)", output);
        var hops = fake.Requests("/crossref/").Select(r => r.RequestMessage.Path).Where(p => p.Contains("10.1007", StringComparison.Ordinal) || p.EndsWith("loop", StringComparison.Ordinal)).ToList();
        // The first address carries the mailto query, the redirect's does not: the loop shows at the third hop.
        Assert.True(hops.Count <= 3, string.Join("\n", hops));
    }

    [Fact]
    public async Task A_registry_that_is_down_is_a_warning_for_each_reference()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        var (exitCode, output, _) = await fake.CheckAsync("--pubmed-url", "http://127.0.0.1:1/eutils/");
        Assert.Equal(0, exitCode);
        Assert.Contains("warning LDN210: Reference 'smith2013': PubMed could not be asked about PMID 23188075: the connection failed; run check-sources again later.", output);
        Assert.Contains("warning LDN210: Reference 'smith2011': PubMed could not be asked about PMID 21380937", output);
        Assert.True(output.Contains("3 of 5 identifiers verified", StringComparison.Ordinal), output);
    }
}
