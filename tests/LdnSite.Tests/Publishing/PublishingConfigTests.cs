namespace LdnSite.Tests.Publishing;

using System.Text.RegularExpressions;
using LdnSite.Tests.Support;
using Tomlyn;
using Tomlyn.Model;
using YamlDotNet.RepresentationModel;

/// <summary>netlify.toml and the GitHub workflow, read with real TOML and YAML parsers.</summary>
public sealed partial class PublishingConfigTests
{
    [GeneratedRegex("^[^@]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedBySha();

    private static TomlTable Netlify() =>
        TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "netlify.toml")))!;

    private static TomlTable HeadersFor(string path) =>
        (TomlTable)((TomlTableArray)Netlify()["headers"]).Single(r => (string)r["for"] == path)["values"];

    [Fact]
    public void Netlify_never_builds_with_dotnet_and_publishes_the_output_folder()
    {
        var build = (TomlTable)Netlify()["build"];
        Assert.Equal("output", (string)build["publish"]);
        Assert.Equal("exit 0", (string)build["ignore"]);
        Assert.False(build.ContainsKey("command") && ((string)build["command"]).Contains("dotnet", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_path_gets_hsts_and_the_strict_policy()
    {
        var all = HeadersFor("/*");
        Assert.StartsWith("max-age=31536000", (string)all["Strict-Transport-Security"]);
        var csp = (string)all["Content-Security-Policy"];
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.DoesNotContain("unsafe", csp);
    }

    [Fact]
    public void Hashed_assets_are_immutable_for_a_year_and_search_is_not_indexed()
    {
        Assert.Equal("public, max-age=31536000, immutable", (string)HeadersFor("/assets/*")["Cache-Control"]);
        Assert.Equal("noindex", (string)HeadersFor("/search/*")["X-Robots-Tag"]);
        // Pages are revalidated: no rule gives HTML a long cache.
        Assert.DoesNotContain(((TomlTableArray)Netlify()["headers"]).Where(r => (string)r["for"] != "/assets/*"), r => ((TomlTable)r["values"]).ContainsKey("Cache-Control"));
    }

    private static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".github", "workflows", "ci.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode workflow, string job) =>
        ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)workflow["jobs"])[job])["steps"]).Children.Cast<YamlMappingNode>();

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    [Fact]
    public void The_workflow_runs_the_readme_test_command_and_builds_with_strict()
    {
        var runs = Steps(Workflow(), "test-and-build").Select(s => Value(s, "run")).OfType<string>().ToList();
        Assert.Contains(runs, r => r.StartsWith("dotnet test", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("-- build --strict --offline", StringComparison.Ordinal) && r.Contains("--base-url", StringComparison.Ordinal));
        // The README names the same test command.
        Assert.Contains("dotnet test ", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")));
    }

    [Fact]
    public void Every_action_is_pinned_by_commit_with_its_version_in_a_comment()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".github", "workflows", "ci.yml"));
        var workflow = Workflow();
        var uses = ((YamlMappingNode)workflow["jobs"]).Children.Keys.Cast<YamlScalarNode>()
            .SelectMany(job => Steps(workflow, job.Value!)).Select(s => Value(s, "uses")).OfType<string>().ToList();
        Assert.True(uses.Count >= 5);
        Assert.All(uses, u =>
        {
            Assert.Matches(PinnedBySha(), u);
            Assert.Matches($"{Regex.Escape(u)} # v[0-9]", text);
        });
    }

    [Fact]
    public void Permissions_are_least_privilege_and_deploys_need_the_secrets()
    {
        var workflow = Workflow();
        Assert.Equal("read", ((YamlScalarNode)((YamlMappingNode)workflow["permissions"])["contents"]).Value);
        var deploy = Steps(workflow, "deploy").ToList();
        var deploying = deploy.Where(s => (Value(s, "run") ?? "").Contains("netlify deploy", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, deploying.Count);
        Assert.All(deploying, s =>
        {
            var condition = Value(s, "if")!;
            Assert.Contains("env.NETLIFY_AUTH_TOKEN != ''", condition);
            Assert.Contains("env.NETLIFY_SITE_ID != ''", condition);
        });
        Assert.Contains(deploying, s => Value(s, "if")!.Contains("pull_request", StringComparison.Ordinal) && Value(s, "run")!.Contains("gh pr comment", StringComparison.Ordinal));
        Assert.Contains(deploying, s => Value(s, "if")!.Contains("refs/heads/main", StringComparison.Ordinal) && Value(s, "run")!.Contains("--prod", StringComparison.Ordinal));
    }

    [Fact]
    public void The_netlify_cli_is_pinned_in_a_lockfile()
    {
        var lockfile = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".github", "deploy", "package-lock.json")));
        Assert.Equal("27.10.2", lockfile.RootElement.GetProperty("packages").GetProperty("node_modules/netlify-cli").GetProperty("version").GetString());
    }
}
