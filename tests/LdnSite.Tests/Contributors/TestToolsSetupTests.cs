namespace LdnSite.Tests.Contributors;

using System.Diagnostics;
using LdnSite.Tests.Support;

/// <summary>
/// The set-up <c>dotnet test</c> runs before any test (tests/setup/ensure-test-tools.sh), on a
/// machine simulated bare: a PATH of fake programs, a Chromium path that does not exist, and an
/// os-release file of our choosing. Nothing is installed or removed for real.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TestToolsSetupTests : IDisposable
{
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "tests", "setup", "ensure-test-tools.sh");
    private readonly TempFolder _temp = new();

    private string Debian => _temp.Write("os-release", "ID=debian\nVERSION_ID=\"12\"\n");

    [Fact]
    public void A_machine_without_the_tools_stops_with_one_message_naming_the_command_and_the_browser_variable()
    {
        var (exit, output) = Run(["require", "no-install"], Debian);

        Assert.Equal(1, exit);
        Assert.Contains("Chromium (looked for /nowhere/chromium)", output);
        Assert.Contains("Java", output);
        Assert.Contains("Install: sudo apt-get install -y chromium default-jre-headless", output);
        Assert.Contains("LDNSITE_CHROMIUM", output);
        Assert.Contains("dotnet test --filter \"Category!=Slow\"", output);
        Assert.InRange(output.Trim().Split('\n').Length, 2, 5);
    }

    [Fact]
    public void Elsewhere_than_debian_the_message_names_no_apt_command()
    {
        var (exit, output) = Run(["require", "install"], osRelease: _temp["no-os-release"]);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("apt-get", output);
        Assert.Contains("with your package manager", output);
    }

    [Fact]
    public void When_the_selected_tests_need_no_tools_a_missing_tool_is_one_line_of_note()
    {
        var (exit, output) = Run(["warn"], Debian);

        Assert.Equal(0, exit);
        Assert.StartsWith("Note: the slow tests (not selected) would need Chromium", output);
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public void Tools_found_on_the_path_and_a_browser_named_by_the_variable_are_enough()
    {
        var bin = FakePrograms("java", "git", "gcc");
        var chromium = FakePrograms("chromium");
        var (exit, output) = Run(["require", "no-install"], Debian, path: bin, chromium: Path.Combine(chromium, "chromium"));

        // zlib's headers are looked for where Debian puts them; this machine may lack them.
        Assert.DoesNotContain("Chromium", output);
        Assert.DoesNotContain("Java", output);
        Assert.DoesNotContain("C compiler", output);
        Assert.True(exit == 0 || output.Contains("zlib", StringComparison.Ordinal), output);
    }

    [Fact]
    public void As_root_on_debian_what_is_missing_is_installed_with_apt_get()
    {
        if (Environment.UserName != "root")
        {
            return; // The install path needs root; the message path is covered above.
        }

        var log = _temp["apt-get.log"];
        var bin = FakePrograms();
        File.WriteAllText(Path.Combine(bin, "apt-get"), $"#!/bin/bash\necho \"$*\" >> {log}\n");
        File.SetUnixFileMode(Path.Combine(bin, "apt-get"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var (exit, output) = Run(["require", "install"], Debian, path: bin);

        var calls = File.ReadAllLines(log);
        Assert.Equal("update -qq", calls[0]);
        Assert.StartsWith("install -y -qq --no-install-recommends chromium default-jre-headless git", calls[1]);
        // The fake apt-get installed nothing, so the check after it still fails, with the message.
        Assert.Equal(1, exit);
        Assert.Contains("Installing what the tests need", output);
    }

    private string FakePrograms(params string[] names)
    {
        var folder = _temp[Guid.NewGuid().ToString("N")];
        Directory.CreateDirectory(folder);
        foreach (var name in names)
        {
            var file = Path.Combine(folder, name);
            File.WriteAllText(file, "#!/bin/sh\nexit 0\n");
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        return folder;
    }

    private (int Exit, string Output) Run(string[] arguments, string osRelease, string? path = null, string chromium = "/nowhere/chromium")
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = path ?? _temp["empty-path"];
        start.Environment["LDNSITE_CHROMIUM"] = chromium;
        start.Environment["LDNSITE_OS_RELEASE"] = osRelease;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000), "the set-up script did not finish in 30 s");
        return (process.ExitCode, output.Result + errors.Result);
    }

    /// <inheritdoc />
    public void Dispose() => _temp.Dispose();
}
