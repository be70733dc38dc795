namespace LdnSite.Cli;

using System.CommandLine;
using System.Globalization;
using LdnSite.Diagnostics;
using LdnSite.Engine.Diagnostics;
using LdnSite.Sources;

/// <summary>
/// <c>ldnsite check-sources</c>: every DOI, PMID and trial id in references.yaml asked of its
/// registry and compared with the entry; with --links, every outbound link of the built site.
/// The only command that uses the network; <c>build</c> never does.
/// </summary>
public static class CheckSourcesCommand
{
    /// <summary>Where the registries' answers are kept between runs (git-ignored).</summary>
    public static string DefaultCacheFolder => Path.Combine(RepositoryFolders.Root, ".cache", "check-sources");

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var input = new Option<DirectoryInfo>("--input") { Description = "Folder holding _data/references.yaml (default: the repository's input/).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(RepositoryFolders.Root, "input")) };
        var site = new Option<DirectoryInfo>("--site") { Description = "The built site whose outbound links --links checks (default: the repository's output/).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(RepositoryFolders.Root, "output")) };
        var links = new Option<bool>("--links") { Description = "Also check every outbound link of the built site and every reference's url (run 'build' first)." };
        var record = new Option<bool>("--record") { Description = "Write 'verified: {doi: date, …}' into each entry whose identifiers were verified." };
        var report = new Option<FileInfo?>("--report") { Description = "Also write the summary as Markdown to this file (for a CI job summary)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Ask the registries again instead of reusing answers younger than --cache-days." };
        var cache = new Option<DirectoryInfo>("--cache") { Description = "Where answers are kept between runs (default: .cache/check-sources/ in the repository).", DefaultValueFactory = _ => new DirectoryInfo(DefaultCacheFolder) };
        var cacheDays = new Option<int>("--cache-days") { Description = "How many days a kept answer is reused.", DefaultValueFactory = _ => 7 };
        var contact = new Option<string?>("--contact-email") { Description = "The maintainers' address, sent to Crossref and NCBI as they ask (default: LDNSITE_CONTACT_EMAIL).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LDNSITE_CONTACT_EMAIL") is { Length: > 0 } e ? e : null };
        var baseUrl = new Option<string>("--base-url") { Description = "The site's address, named in the User-Agent.", DefaultValueFactory = _ => "https://ldn.example.org/" };
        var crossref = new Option<string>("--crossref-url") { Description = "Crossref REST API base address.", DefaultValueFactory = _ => CrossrefClient.DefaultBase.AbsoluteUri };
        var pubMed = new Option<string>("--pubmed-url") { Description = "NCBI E-utilities base address.", DefaultValueFactory = _ => PubMedClient.DefaultBase.AbsoluteUri };
        var trials = new Option<string>("--clinicaltrials-url") { Description = "ClinicalTrials.gov API v2 base address.", DefaultValueFactory = _ => ClinicalTrialsClient.DefaultBase.AbsoluteUri };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one request may take before it is tried again.", DefaultValueFactory = _ => 20 };
        var retries = new Option<int>("--retries") { Description = "How many times a timeout, 429 or 5xx is tried again.", DefaultValueFactory = _ => 3 };
        var retryDelay = new Option<double>("--retry-delay") { Description = "Seconds before the first retry (doubling after), unless the server says Retry-After.", DefaultValueFactory = _ => 1 };

        var command = new Command("check-sources", "Check every DOI, PMID and trial id in references.yaml against Crossref, PubMed and ClinicalTrials.gov (and with --links, every outbound link). Needs the network.");
        foreach (var option in new Option[] { input, site, links, record, report, noCache, cache, cacheDays, contact, baseUrl, crossref, pubMed, trials, timeout, retries, retryDelay })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var errors = parse.InvocationConfiguration.Error;
            var endpoints = new[] { (crossref, "--crossref-url"), (pubMed, "--pubmed-url"), (trials, "--clinicaltrials-url") }
                .Select(e => (Name: e.Item2, Text: parse.GetValue(e.Item1)!, Uri: BaseAddress(parse.GetValue(e.Item1)!))).ToList();
            if (endpoints.FirstOrDefault(e => e.Uri is null) is { Name: not null } bad)
            {
                errors.WriteLine($"{bad.Name}: error {SourceCodes.BadOption}: '{bad.Text}' is not an http(s) base address, such as {CrossrefClient.DefaultBase}.");
                return 1;
            }

            var email = parse.GetValue(contact)?.Trim();
            if (email is { Length: > 0 } && (!email.Contains('@', StringComparison.Ordinal) || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '(' or ')' or ';' or '<' or '>')))
            {
                errors.WriteLine($"--contact-email: error {SourceCodes.BadOption}: '{Diagnostic.OneLine(email)}' is not an e-mail address.");
                return 1;
            }

            var inputFolder = parse.GetValue(input)!.FullName;
            var options = new SourceCheckOptions
            {
                InputFolder = inputFolder,
                SiteFolder = parse.GetValue(site)!.FullName,
                Links = parse.GetValue(links),
                CacheFolder = parse.GetValue(noCache) ? null : parse.GetValue(cache)!.FullName,
                CacheAge = TimeSpan.FromDays(Math.Max(parse.GetValue(cacheDays), 0)),
                Contact = email is { Length: > 0 } ? email : null,
                SiteUrl = Urls.SiteUrl.Problem(parse.GetValue(baseUrl)!) is null ? Urls.SiteUrl.Normalize(parse.GetValue(baseUrl)!) : "https://ldn.example.org/",
                Crossref = endpoints[0].Uri!,
                PubMed = endpoints[1].Uri!,
                ClinicalTrials = endpoints[2].Uri!,
                NcbiApiKey = Environment.GetEnvironmentVariable("NCBI_API_KEY") is { Length: > 0 } key ? key : null,
                Timeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout), 0.1, 300)),
                Retries = Math.Clamp(parse.GetValue(retries), 0, 10),
                RetryDelay = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(retryDelay), 0, 60)),
                // Links may reach loopback and private addresses only in a run against fake
                // registries on loopback (the tests); a real run refuses them (AddressPolicy).
                AllowPrivateAddresses = endpoints.All(e => AddressPolicy.IsLoopback(e.Uri!)),
            };

            var interactive = ReferenceEquals(errors, Console.Error) && !Console.IsErrorRedirected;
            // A line that updates itself in a terminal; in a log (CI), a line every ten and at the end.
            // The registries report side by side, so one writes at a time.
            var writing = new Lock();
            void Progress(int done, int total)
            {
                using var _ = writing.EnterScope();
                if (interactive)
                {
                    errors.Write($"\rChecking sources: {done}/{total}   ");
                }
                else if (done % 10 == 0 || done == total)
                {
                    errors.WriteLine($"Checked {done} of {total}.");
                }
            }

            errors.WriteLine($"Checking sources in {Path.Combine(inputFolder, ReferenceEntries.File)}{(options.Links ? " and the links of " + options.SiteFolder : "")} …");
            var result = await SourceCheck.RunAsync(options, parse.GetValue(record), Progress, cancellationToken);
            if (interactive)
            {
                errors.WriteLine();
            }

            return Report(result, inputFolder, parse.GetValue(report)?.FullName, output, errors);
        });
        return command;
    }

    private static int Report(SourceCheckResult result, string inputFolder, string? reportPath, TextWriter output, TextWriter errors)
    {
        var annotate = DiagnosticText.InGitHubActions;
        foreach (var diagnostic in result.Diagnostics.Select(d => DiagnosticText.ForUser(d, inputFolder)))
        {
            (diagnostic.Severity == Severity.Error ? errors : output).WriteLine(diagnostic.ToString());
            if (annotate)
            {
                output.WriteLine(DiagnosticText.GitHubAnnotation(diagnostic));
            }
        }

        output.WriteLine();
        output.Write(SourceReport.Text(result));
        if (reportPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
            File.WriteAllText(reportPath, SourceReport.Markdown(result, d => DiagnosticText.ForUser(d, inputFolder).ToString()));
        }

        return result.Failed ? 1 : 0;
    }

    // A registry's base address: absolute http(s), ending in '/' so the API's paths go below it.
    private static Uri? BaseAddress(string text) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0 && uri.Query.Length == 0
            ? uri
            : null;
}
