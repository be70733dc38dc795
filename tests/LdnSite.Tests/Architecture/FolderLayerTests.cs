namespace LdnSite.Tests.Architecture;

using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

/// <summary>
/// The folders (namespaces) of the site and the engine form layers: no folder reaches itself
/// through another, so each can be read and changed knowing only the folders below it.
/// Dependencies are read from the compiled code by ArchUnitNET, method bodies included.
/// </summary>
public sealed class FolderLayerTests
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Code = new(() =>
        new ArchLoader().LoadAssemblies(typeof(SiteSettings).Assembly, typeof(LdnSite.Engine.Pipelines.Engine).Assembly).Build());

    [Fact]
    public void No_folder_depends_on_itself_through_another()
    {
        var edges = FolderEdges();
        var cycles = StronglyConnected(edges).Where(c => c.Count > 1).ToList();
        Assert.True(cycles.Count == 0, "Folder cycles:\n" + string.Join("\n", cycles.Select(cycle =>
            string.Join(", ", cycle.Order()) + ":\n  " + string.Join("\n  ", cycle.SelectMany(from => edges[from].Where(e => cycle.Contains(e.Key)).Select(e => $"{from} -> {e.Key} ({e.Value})"))))));
    }

    [Fact]
    public void The_engine_uses_nothing_of_the_site()
    {
        var edges = FolderEdges();
        var leaks = edges.Where(e => IsEngine(e.Key)).SelectMany(e => e.Value.Where(t => !IsEngine(t.Key)).Select(t => $"{e.Key} -> {t.Key} ({t.Value})")).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public void The_engine_holds_none_of_the_sites_rules()
    {
        // Codes, the output marker and the publishing rules come from the site (DiagnosticCatalog.ForEngine,
        // SiteFolders.OutputRules, Content/PublishRules); the engine's own text names none of them.
        var engine = Path.Combine(Support.RepositoryPaths.Root, "src", "LdnSite.Engine");
        var found = Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"LDN\d{3}|\.ldnsite|ldnsite build|minisearch|node_modules", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(l => $"{l.File}({l.Line}): {l.Text.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void Markdown_and_content_name_no_search_type()
    {
        // The search index's format is made in Search/ from a page's sections; the renderer only splits them.
        var edges = FolderEdges();
        var leaks = edges.Where(e => e.Key.StartsWith("LdnSite.Markdown", StringComparison.Ordinal) || e.Key == "LdnSite.Content")
            .SelectMany(e => e.Value.Where(t => t.Key == "LdnSite.Search").Select(t => $"{e.Key} -> {t.Key} ({t.Value})")).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public void The_check_sees_a_cycle_when_there_is_one()
    {
        // The check itself: two folders that use each other are one component.
        var edges = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "x" },
            ["B"] = new() { ["A"] = "y" },
            ["C"] = new() { ["A"] = "z" },
        };
        Assert.Equal(["A", "B"], StronglyConnected(edges).Single(c => c.Count > 1).Order());
    }

    private static bool IsEngine(string folder) => folder == "LdnSite.Engine" || folder.StartsWith("LdnSite.Engine.", StringComparison.Ordinal);

    // Folder -> folders it uses, each with one type pair as the example a reader can follow.
    private static Dictionary<string, Dictionary<string, string>> FolderEdges()
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in Code.Value.Types)
        {
            var from = type.Namespace?.FullName ?? "";
            if (!IsOurs(from))
            {
                continue;
            }

            var targets = edges.TryGetValue(from, out var found) ? found : edges[from] = new(StringComparer.Ordinal);
            foreach (var dependency in type.Dependencies)
            {
                var to = dependency.Target?.Namespace?.FullName ?? "";
                if (to != from && IsOurs(to))
                {
                    targets.TryAdd(to, $"{type.Name} uses {dependency.Target!.Name}");
                }
            }
        }

        return edges;
    }

    private static bool IsOurs(string folder) => folder == "LdnSite" || folder.StartsWith("LdnSite.", StringComparison.Ordinal);

    // Tarjan's algorithm: the groups of folders that reach each other.
    private static List<List<string>> StronglyConnected(Dictionary<string, Dictionary<string, string>> edges)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets.Keys.ToList() : [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal).ToList())
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }
}
