namespace LdnSite.Tests.Publishing;

using System.Diagnostics;
using LdnSite.Tests.Support;

/// <summary>
/// The native program (Native AOT, what the benchmark measures and a release would ship) is
/// trimmed where libraries allow it. A member that Scriban or YamlDotNet reaches by reflection
/// and the trimmer removed would not fail the build: it would be missing from a page. So the
/// native program builds the real site, and every file must equal the one the JIT-compiled
/// program writes. The publish takes both cores for about a minute, so it runs alone, after
/// the tests that run side by side (browser tests have time limits).
/// </summary>
[Collection(NativeProgram)]
public sealed class NativeProgramTests
{
    /// <summary>The collection of tests that compile the native program.</summary>
    public const string NativeProgram = "native program";

    [Fact]
    public async Task The_native_program_builds_the_site_byte_for_byte_as_the_jit_compiled_one_does()
    {
        using var temp = new TempFolder();
        var native = temp["native-bin"];
        // Its own artifacts folder, so the publish leaves the repository's obj and bin folders (and
        // a benchmark's) alone; no build server or reused node outlives it holding its output.
        var (published, publishLog) = await RunAsync("dotnet", RepositoryPaths.Root, TimeSpan.FromMinutes(8),
            "publish", Path.Combine(RepositoryPaths.Root, "src", "LdnSite"), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", native,
            "--artifacts-path", temp["artifacts"], "-nodeReuse:false", "-p:UseSharedCompilation=false", "--nologo", "-v", "q");
        Assert.True(published == 0, $"The native publish failed (it needs Debian's clang and zlib1g-dev; .ci/run installs them):\n{publishLog}");

        // With edit links too, which are left out when the repository's address is unknown.
        string[] Build(string output) => ["build", "--input", RepositoryPaths.Input, "--theme", RepositoryPaths.Theme, "--output", output, "--repository-url", "https://github.com/example/ldnsite"];
        // Run from the repository, whose pages get edit links only there.
        var (nativeExit, nativeLog) = await RunAsync(Path.Combine(native, "ldnsite"), RepositoryPaths.Root, TimeSpan.FromMinutes(2), Build(temp["out-native"]));
        var (jitExit, jitLog) = await RunAsync("dotnet", RepositoryPaths.Root, TimeSpan.FromMinutes(2), ["exec", typeof(LdnSite.Cli.LdnSiteApp).Assembly.Location, .. Build(temp["out-jit"])]);
        Assert.True(nativeExit == 0, nativeLog);
        Assert.True(jitExit == 0, jitLog);
        // The same diagnostics, word for word (the timing lines differ).
        static IEnumerable<string> Diagnostics(string log) => log.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal));
        Assert.Equal(Diagnostics(jitLog), Diagnostics(nativeLog));

        static Dictionary<string, byte[]> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes, StringComparer.Ordinal);
        var (fromNative, fromJit) = (Files(temp["out-native"]), Files(temp["out-jit"]));
        Assert.Equal(fromJit.Keys.Order(StringComparer.Ordinal), fromNative.Keys.Order(StringComparer.Ordinal));
        Assert.True(fromJit.Count > 20, "The site should have pages, assets and search files.");
        Assert.Contains("Edit this page", System.Text.Encoding.UTF8.GetString(fromJit["safety/index.html"]), StringComparison.Ordinal);
        Assert.Empty(fromJit.Where(f => !f.Value.AsSpan().SequenceEqual(fromNative[f.Key])).Select(f => f.Key));
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string file, string folder, TimeSpan limit, params string[] arguments)
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

/// <summary>Runs <see cref="NativeProgramTests"/> alone.</summary>
[CollectionDefinition(NativeProgramTests.NativeProgram, DisableParallelization = true)]
public sealed class NativeProgramCollection;
