namespace LdnSite.Tests.Publishing;

using System.Diagnostics;
using System.IO.Compression;
using LdnSite.Tests.Support;

/// <summary>
/// The native program (Native AOT, what the benchmark measures and a release would ship) is
/// trimmed where libraries allow it. A member that Scriban or YamlDotNet reaches by reflection
/// and the trimmer removed would not fail the build: it would be missing from a page. So the
/// native program runs every command a user meets (build, build --strict, zip, serve), on the real
/// site and on a large one, and every file and diagnostic must equal what the JIT-compiled
/// program gives. The publish takes both cores for about a minute, so it runs once, alone, after
/// the tests that run side by side (browser tests have time limits).
/// </summary>
[Collection(NativeProgram)]
[Trait("Category", "Slow")]
public sealed class NativeProgramTests(NativeProgramFixture program)
{
    /// <summary>The collection of tests that compile the native program.</summary>
    public const string NativeProgram = "native program";

    [LinuxX64Fact]
    public async Task The_native_program_builds_the_site_byte_for_byte_as_the_jit_compiled_one_does()
    {
        using var temp = new TempFolder();
        // With edit links too, which are left out when the repository's address is unknown.
        string[] Build(string output) => ["build", "--input", RepositoryPaths.Input, "--theme", RepositoryPaths.Theme, "--output", output, "--repository-url", "https://github.com/example/ldnsite"];
        // Run from the repository, whose pages get edit links only there.
        var (native, jit) = await BothAsync(Build(temp["out-native"]), Build(temp["out-jit"]));
        AssertBothSucceeded(native, jit);

        var (fromNative, fromJit) = (Files(temp["out-native"]), Files(temp["out-jit"]));
        Assert.True(fromJit.Count > 20, "The site should have pages, assets and search files.");
        Assert.Contains("Edit this page", System.Text.Encoding.UTF8.GetString(fromJit["safety/index.html"]), StringComparison.Ordinal);
        AssertSameFiles(fromJit, fromNative);
    }

    // The offline edition: file-style links, the zip writer, and the search index as a script.
    [LinuxX64Fact]
    public async Task The_native_program_zips_the_offline_edition_as_the_jit_compiled_one_does()
    {
        using var temp = new TempFolder();
        string[] Zip(string zip) => ["zip", "--input", RepositoryPaths.Input, "--theme", RepositoryPaths.Theme, "--zip", zip];
        var (native, jit) = await BothAsync(Zip(temp["native.zip"]), Zip(temp["jit.zip"]));
        AssertBothSucceeded(native, jit);

        static Dictionary<string, byte[]> Entries(string zip)
        {
            using var archive = ZipFile.OpenRead(zip);
            return archive.Entries.Where(e => e.Length > 0 || !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, e =>
            {
                using var stream = e.Open();
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                return bytes.ToArray();
            }, StringComparer.Ordinal);
        }

        var (fromNative, fromJit) = (Entries(temp["native.zip"]), Entries(temp["jit.zip"]));
        Assert.Contains(fromJit.Keys, k => k.EndsWith("safety/index.html", StringComparison.Ordinal));
        AssertSameFiles(fromJit, fromNative);
    }

    // Past 2,000 pages the text held between phases is compressed (LZ4); raw HTML goes through the
    // sanitiser, old addresses get redirects, and --strict turns publishing warnings into errors.
    [LinuxX64Fact]
    public async Task The_native_program_builds_a_large_site_with_raw_html_and_redirects_as_the_jit_compiled_one_does()
    {
        using var temp = new TempFolder();
        temp.CopyFrom(Path.Combine(RepositoryPaths.Input, "_data"), "input/_data");
        // The corrections log names the real site's pages, which this site does not have.
        File.Delete(temp["input/_data/corrections.yaml"]);
        temp.Write("input/index.md", TestSites.Page("Home", "A site of many small pages.", "nonmedical: true\n"));
        for (var i = 0; i < 2_001; i++)
        {
            temp.Write($"input/part-{i / 100:000}/page-{i % 100:000}.md", TestSites.Page($"Page {i}",
                $"## Heading {i}\n\nPage {i} says something about sleep, pain and the dose, with words to index.\n",
                $"nonmedical: true\norder: {i % 100}\n"));
        }

        temp.Write("input/raw.md", TestSites.Page("Raw", "<div onclick=\"alert(1)\">kept text</div>\n\n<script>alert(2)</script>\n\n<a href=\"javascript:alert(3)\">link</a>\n",
            "nonmedical: true\nredirect_from:\n  - /old-raw/\n"));
        string[] Build(string output, params string[] more) => ["build", "--input", temp["input"], "--theme", RepositoryPaths.Theme, "--output", output, .. more];

        var (native, jit) = await BothAsync(Build(temp["out-native"]), Build(temp["out-jit"]));
        AssertBothSucceeded(native, jit);
        var (fromNative, fromJit) = (Files(temp["out-native"]), Files(temp["out-jit"]));
        Assert.True(fromJit.Count > 4_000, "2,003 pages and as many search results files.");
        var raw = System.Text.Encoding.UTF8.GetString(fromJit["raw/index.html"]);
        Assert.Contains("kept text", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(", raw, StringComparison.Ordinal);
        Assert.Contains("/old-raw/", System.Text.Encoding.UTF8.GetString(fromJit["_redirects"]), StringComparison.Ordinal);
        AssertSameFiles(fromJit, fromNative);

        // --strict makes the removed raw HTML (LDN032) an error: the same lines and the same failure.
        var (strictNative, strictJit) = await BothAsync(Build(temp["strict-native"], "--strict"), Build(temp["strict-jit"], "--strict"));
        Assert.NotEqual(0, strictJit.ExitCode);
        Assert.Contains(Diagnostics(strictJit.Log), l => l.Contains(": error LDN032", StringComparison.Ordinal));
        Assert.Equal(strictJit.ExitCode, strictNative.ExitCode);
        Assert.Equal(Diagnostics(strictJit.Log), Diagnostics(strictNative.Log));
    }

    // Kestrel, the file watcher and the live-reload events (the one JSON the program writes) natively.
    [LinuxX64Fact]
    public async Task The_native_program_serves_the_site_and_reloads_it_on_save()
    {
        using var temp = new TempFolder();
        var input = temp.CopyFrom(RepositoryPaths.Input, "input");
        var start = new ProcessStartInfo(program.Executable) { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "serve", "--input", input, "--theme", RepositoryPaths.Theme, "--output", temp["output"], "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        using var server = Process.Start(start)!;
        var errors = server.StandardError.ReadToEndAsync();
        try
        {
            // "Serving … at http://127.0.0.1:NNNN/ (Ctrl+C to stop) …"
            string? address = null;
            var printed = new System.Text.StringBuilder();
            while (address is null && await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)) is { } line)
            {
                printed.AppendLine(line);
                address = System.Text.RegularExpressions.Regex.Match(line, @"at (http://127\.0\.0\.1:\d+/?)").Groups[1].Value is { Length: > 0 } found ? found : null;
            }

            if (address is null)
            {
                // It stopped printing: say how it ended and what it said, rather than only that it did.
                await Task.WhenAny(server.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(10)));
                var ended = server.HasExited;
                var said = await Task.WhenAny(errors, Task.Delay(TimeSpan.FromSeconds(5))) == errors ? await errors : "(its error output is still open)";
                Assert.Fail($"serve printed no address ({(ended ? "exit code " + server.ExitCode : "still running")}):\n{printed}\n{said}");
            }

            // What it prints from here on (a line per rebuild) is read, so it never blocks on a full pipe.
            _ = server.StandardOutput.ReadToEndAsync();
            using var http = new HttpClient { BaseAddress = new Uri(address!.EndsWith('/') ? address : address + "/"), Timeout = TimeSpan.FromSeconds(30) };
            var page = await http.GetStringAsync("safety/");
            Assert.Contains("/_ldnsite/live-reload.js", page, StringComparison.Ordinal);

            // Connected once its first line has arrived; only then is a save certain to reach it.
            using var events = new StreamReader(await http.GetStreamAsync("_ldnsite/events"));
            Assert.Equal(": connected", await events.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);

            // The next event of that kind, with its data; others (a second rebuild of one save) are passed over.
            async Task<string> NextAsync(string kind)
            {
                while (await events.ReadLineAsync().WaitAsync(deadline - DateTime.UtcNow) is { } line)
                {
                    if (line == "event: " + kind)
                    {
                        return await events.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5)) ?? "";
                    }
                }

                throw new InvalidOperationException($"The event stream ended before a '{kind}' event.");
            }

            // Each version is written beside the input and renamed over the page: one complete save.
            var safety = Path.Combine(input, "safety.md");
            async Task SaveAsync(string text)
            {
                await File.WriteAllTextAsync(temp["safety.md.new"], text);
                File.Move(temp["safety.md.new"], safety, overwrite: true);
            }

            var text = await File.ReadAllTextAsync(safety);
            var edited = text.Replace("\n---\n", "\n---\n\nA sentence added while serving.\n", StringComparison.Ordinal);
            Assert.NotEqual(text, edited);
            await SaveAsync(edited);
            await NextAsync("reload");
            while (!(await http.GetStringAsync("safety/")).Contains("A sentence added while serving.", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, "The page was reloaded but never showed the edit.");
                await Task.Delay(50);
            }

            // Broken front matter: the error reaches the page as JSON, with its code.
            await SaveAsync("---\ntitle: [unclosed\n---\n\nText.\n");
            var error = await NextAsync("build-error");
            Assert.StartsWith("data: ", error, StringComparison.Ordinal);
            using var json = System.Text.Json.JsonDocument.Parse(error["data: ".Length..]);
            Assert.Contains("LDN003", json.RootElement.GetString(), StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private async Task<((int ExitCode, string Log) Native, (int ExitCode, string Log) Jit)> BothAsync(string[] nativeArguments, string[] jitArguments)
    {
        var native = await RunAsync(program.Executable, RepositoryPaths.Root, TimeSpan.FromMinutes(2), nativeArguments);
        var jit = await RunAsync("dotnet", RepositoryPaths.Root, TimeSpan.FromMinutes(2), ["exec", typeof(LdnSite.Cli.LdnSiteApp).Assembly.Location, .. jitArguments]);
        return (native, jit);
    }

    // Both programs succeeded, and said the same.
    private static void AssertBothSucceeded((int ExitCode, string Log) native, (int ExitCode, string Log) jit)
    {
        Assert.True(native.ExitCode == 0, native.Log);
        Assert.True(jit.ExitCode == 0, jit.Log);
        Assert.Equal(Diagnostics(jit.Log), Diagnostics(native.Log));
    }

    // The same diagnostics, word for word (the timing lines differ).
    private static IEnumerable<string> Diagnostics(string log) =>
        log.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal));

    private static Dictionary<string, byte[]> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes, StringComparer.Ordinal);

    private static void AssertSameFiles(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(expected.Where(f => !f.Value.AsSpan().SequenceEqual(actual[f.Key])).Select(f => f.Key));
    }

    /// <summary>Runs a program to its end, within <paramref name="limit"/>; its exit code and everything it printed.</summary>
    internal static async Task<(int ExitCode, string Log)> RunAsync(string file, string folder, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
            var log = await Task.WhenAll(output, errors).WaitAsync(TimeSpan.FromMinutes(1));
            return (process.ExitCode, log[0] + log[1]);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}

/// <summary>The native program, published once for <see cref="NativeProgramTests"/>.</summary>
public sealed class NativeProgramFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    /// <summary>The published program.</summary>
    public string Executable => _folder["native-bin/ldnsite"];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!LinuxX64FactAttribute.Supported)
        {
            return; // Every test is skipped there.
        }

        // Its own artifacts folder, so the publish leaves the repository's obj and bin folders (and
        // a benchmark's) alone; no build server or reused node outlives it holding its output.
        var (published, publishLog) = await NativeProgramTests.RunAsync("dotnet", RepositoryPaths.Root, TimeSpan.FromMinutes(8),
            "publish", Path.Combine(RepositoryPaths.Root, "src", "LdnSite"), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", _folder["native-bin"],
            "--artifacts-path", _folder["artifacts"], "-nodeReuse:false", "-p:UseSharedCompilation=false", "--nologo", "-v", "q");
        Assert.True(published == 0, $"The native publish failed (it needs clang or gcc and zlib's headers; dotnet test installs them on Debian as root):\n{publishLog}");
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Runs <see cref="NativeProgramTests"/> alone, with the program published once.</summary>
[CollectionDefinition(NativeProgramTests.NativeProgram, DisableParallelization = true)]
public sealed class NativeProgramCollection : ICollectionFixture<NativeProgramFixture>;
