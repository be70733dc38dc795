namespace LdnSite.Tests.Sources;

using LdnSite.Sources;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

/// <summary><c>check-sources --links</c>: every outbound link of the built site and every url field, checked politely.</summary>
[Trait("Category", "Slow")]
public sealed class LinkCheckTests
{
    private static string Page(string url) => $$"""
        <!doctype html>
        <html lang="en"><head><title>Page</title></head>
        <body>
        <p>See <a href="{{url}}/fine">a page that answers</a>,
        <a href="{{url}}/no-head">one that refuses HEAD</a>,
        <a href="{{url}}/gone#part">one that is gone</a> and
        <a href="{{url}}/busy">one that is busy</a>.</p>
        <p><a href="{{url}}/fine">The same page again</a>, <a href="mailto:someone@example.org">mail</a>, <a href="../other/">a page of the site</a>.</p>
        </body></html>
        """;

    [Fact]
    public async Task Gone_links_are_errors_at_their_line_and_busy_ones_warnings()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        var page = fake.Write("output/safety/index.html", Page(fake.Url + "/web"));
        fake.Server.Given(Request.Create().WithPath("/web/fine").UsingHead()).RespondWith(Response.Create().WithStatusCode(200));
        fake.Server.Given(Request.Create().WithPath("/web/no-head").UsingHead()).RespondWith(Response.Create().WithStatusCode(405));
        fake.Server.Given(Request.Create().WithPath("/web/no-head").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("<p>ok</p>"));
        fake.Server.Given(Request.Create().WithPath("/web/gone")).RespondWith(Response.Create().WithStatusCode(410));
        fake.Server.Given(Request.Create().WithPath("/web/busy")).RespondWith(Response.Create().WithStatusCode(503));

        var (exitCode, output, error) = await fake.CheckAsync("--links");

        Assert.Equal(1, exitCode);
        Assert.Contains($"safety/index.html(6,1): error LDN215: the link {fake.Url}/web/gone is gone (answered 410)", error);
        Assert.Contains($"safety/index.html(7,1): warning LDN216: the link {fake.Url}/web/busy could not be checked: answered 503", output);
        Assert.DoesNotContain("no-head", output + error);
        Assert.Contains("2 of 4 links answer", output);
        // Each address once (HEAD, and GET only where HEAD was refused); the fragment is not part of it.
        Assert.Single(fake.Requests("/web/fine"));
        Assert.Equal(["HEAD", "GET"], fake.Requests("/web/no-head").Select(r => r.RequestMessage.Method));
        // The busy host was asked again with backoff (--retries 2), one request at a time.
        Assert.Equal(3, fake.Requests("/web/busy").Count);
        var arrivals = fake.Requests("/web/").Select(r => r.RequestMessage.DateTime).ToList();
        Assert.True(File.Exists(page));
    }

    [Fact]
    public async Task A_reference_url_that_is_gone_is_an_error_at_the_url_field()
    {
        // references.yaml takes only https addresses, which the fake server does not serve; so the
        // entry is read from the file (for its marks) and its address then pointed at the fake server.
        var references = FakeRegistries.References + """
            - key: label
              authors: ["A publisher"]
              title: "Drug label"
              year: 2024
              design: label
              publisher: "A publisher"
              url: "https://labels.example.org/naltrexone"
              conditions: [general]

            """;
        using var fake = new FakeRegistries(references);
        fake.Server.Given(Request.Create().WithPath("/labels/naltrexone")).RespondWith(Response.Create().WithStatusCode(404));
        var (entries, problems) = ReferenceEntries.Read(File.ReadAllText(fake.ReferencesPath));
        Assert.Empty(problems);
        var label = entries.Single(e => e.Reference.Key == "label");
        label.Reference.Url = fake.Url + "/labels/naltrexone";

        var links = SiteLinks.Collect(fake["no-site"], entries);
        using var client = new PoliteClient(new HttpSettings { UserAgent = "test", Retries = 0 }, LinkChecker.PerHost(TimeSpan.Zero), null, sameHostOnly: false, guardAddresses: true, allowPrivate: true);
        var row = Assert.Single(await new LinkChecker(client).CheckAsync(links, () => { }, CancellationToken.None));

        var diagnostic = Assert.Single(row.Diagnostics);
        Assert.Equal(("LDN215", fake.LineOf("url:"), 8), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Equal($"Reference 'label': the link {fake.Url}/labels/naltrexone is gone (answered 404): link to where it moved, to an archived copy, or remove it.", diagnostic.Message);
    }

    [Fact]
    public async Task Links_to_loopback_or_private_addresses_are_refused_in_a_real_run()
    {
        using var fake = new FakeRegistries().AnswerAllCorrectly();
        fake.Write("output/index.html", $"<!doctype html><html><body><a href=\"{fake.Url}/web/fine\">x</a> <a href=\"http://169.254.169.254/latest/meta-data/\">y</a></body></html>");
        fake.Server.Given(Request.Create().WithPath("/web/fine")).RespondWith(Response.Create().WithStatusCode(200));
        var options = new SourceCheckOptions
        {
            InputFolder = fake.Input,
            SiteFolder = fake["output"],
            Links = true,
            Contact = "maintainers@ldn.example.org",
            // Registries nowhere (nothing to ask): only links are checked, as a real run would.
            Crossref = new Uri("http://127.0.0.1:1/"),
            PubMed = new Uri("http://127.0.0.1:1/"),
            ClinicalTrials = new Uri("http://127.0.0.1:1/"),
            Retries = 0,
            Timeout = TimeSpan.FromSeconds(1),
            AllowPrivateAddresses = false,
        };
        var result = await SourceCheck.RunAsync(options, record: false, progress: null, CancellationToken.None);
        Assert.Contains(result.Diagnostics, d => d.Code == "LDN217" && d.Message.Contains("127.0.0.1 resolves only to private or loopback addresses", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == "LDN217" && d.Message.Contains("169.254.169.254", StringComparison.Ordinal));
        Assert.Empty(fake.Requests("/web/"));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void Only_public_addresses_are_public(string address, bool expected) =>
        Assert.Equal(expected, AddressPolicy.IsPublic(System.Net.IPAddress.Parse(address)));
}
