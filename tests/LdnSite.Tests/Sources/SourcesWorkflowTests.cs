namespace LdnSite.Tests.Sources;

using System.Text.RegularExpressions;
using LdnSite.Tests.Support;
using YamlDotNet.RepresentationModel;

/// <summary>.github/workflows/sources.yml, read with a real YAML parser: when check-sources runs in CI, and what it does with a failure.</summary>
public sealed partial class SourcesWorkflowTests
{
    private static readonly string Path = System.IO.Path.Combine(RepositoryPaths.Root, ".github", "workflows", "sources.yml");

    [GeneratedRegex("^[^@]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedBySha();

    private static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static List<YamlMappingNode> Steps() =>
        ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Workflow()["jobs"])["check-sources"])["steps"]).Children.Cast<YamlMappingNode>().ToList();

    private static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    [Fact]
    public void It_runs_on_pull_requests_that_change_the_references_and_weekly()
    {
        var on = (YamlMappingNode)Workflow()["on"];
        var paths = (YamlSequenceNode)((YamlMappingNode)on["pull_request"])["paths"];
        Assert.Equal(["input/_data/references.yaml"], paths.Children.Select(p => ((YamlScalarNode)p).Value));
        var cron = Value((YamlMappingNode)((YamlSequenceNode)on["schedule"]).Children.Single(), "cron")!;
        Assert.Matches(@"^\d+ \d+ \* \* [0-6]$", cron); // once a week
    }

    [Fact]
    public void The_pull_request_check_fails_on_a_mismatch_and_the_weekly_one_checks_links_and_opens_an_issue()
    {
        var steps = Steps();
        var pullRequest = steps.Single(s => Value(s, "if") == "github.event_name == 'pull_request'");
        Assert.Contains("-- check-sources", Value(pullRequest, "run"));
        Assert.DoesNotContain("continue-on-error", pullRequest.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Contains(steps, s => (Value(s, "run") ?? "").Contains("check-sources --links", StringComparison.Ordinal) && Value(s, "if") == "github.event_name != 'pull_request'");
        Assert.Contains(steps, s => (Value(s, "run") ?? "").Contains("$GITHUB_STEP_SUMMARY", StringComparison.Ordinal) && Value(s, "if") == "always()");
        var issue = steps.Single(s => (Value(s, "run") ?? "").Contains("gh issue create", StringComparison.Ordinal));
        Assert.Equal("failure() && github.event_name != 'pull_request'", Value(issue, "if"));
        Assert.Contains("gh issue comment", Value(issue, "run")); // one issue, updated, not one a week
    }

    [Fact]
    public void Actions_are_pinned_by_commit_and_only_this_job_may_write_issues()
    {
        var text = File.ReadAllText(Path);
        var uses = Steps().Select(s => Value(s, "uses")).OfType<string>().ToList();
        Assert.NotEmpty(uses);
        Assert.All(uses, u =>
        {
            Assert.Matches(PinnedBySha(), u);
            Assert.Matches($"{Regex.Escape(u)} # v[0-9]", text);
        });
        Assert.Equal("read", ((YamlScalarNode)((YamlMappingNode)Workflow()["permissions"])["contents"]).Value);
    }
}
