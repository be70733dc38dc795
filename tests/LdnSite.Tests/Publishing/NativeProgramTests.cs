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
        var (published, publishLog) = await RunAsync("dotnet", RepositoryPaths.Root, TimeSpan.FromMinutes(8),
            "publish", Path.Combine(RepositoryPaths.Root, "src", "LdnSite"), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", native, "--nologo", "-v", "q");
        Assert.True(published == 0, $"The native publish failed (it needs Debian's clang and zlib1g-dev; .ci/run installs them):\n{publishLog}");

        string[] Build(string output) => ["build", "--input", RepositoryPaths.Input, "--theme", RepositoryPaths.Theme, "--output", output];
        var (nativeExit, nativeLog) = await RunAsync(Path.Combine(native, "ldnsite"), temp.Path, TimeSpan.FromMinutes(2), Build(temp["out-native"]));
        var (jitExit, jitLog) = await RunAsync("dotnet", temp.Path, TimeSpan.FromMinutes(2), ["exec", typeof(LdnSite.Cli.LdnSiteApp).Assembly.Location, .. Build(temp["out-jit"])]);
        Assert.True(nativeExit == 0, nativeLog);
        Assert.True(jitExit == 0, jitLog);

        static Dictionary<string, byte[]> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes, StringComparer.Ordinal);
        var (fromNative, fromJit) = (Files(temp["out-native"]), Files(temp["out-jit"]));
        Assert.Equal(fromJit.Keys.Order(StringComparer.Ordinal), fromNative.Keys.Order(StringComparer.Ordinal));
        Assert.True(fromJit.Count > 20, "The site should have pages, assets and search files.");
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
        await process.WaitForExitAsync().WaitAsync(limit);
        return (process.ExitCode, await output + await errors);
    }
}

/// <summary>Runs <see cref="NativeProgramTests"/> alone.</summary>
[CollectionDefinition(NativeProgramTests.NativeProgram, DisableParallelization = true)]
public sealed class NativeProgramCollection;
