namespace LdnSite.Diagnostics;

using System.Text.Json;
using System.Text.Json.Nodes;
using LdnSite.Engine.Diagnostics;

/// <summary>
/// Every diagnostic of a build as a SARIF 2.1.0 log (<c>build --sarif FILE</c>), the format
/// GitHub code scanning reads: uploaded by the workflow, each warning shows on the changed line
/// of a pull request, however many there are (the console prints the first of each code).
/// Written with JSON nodes, not reflection, so the native program writes it too.
/// </summary>
public static class SarifLog
{
    /// <summary>The schema the log declares.</summary>
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    // GitHub resolves uris against this base: the checkout's root.
    private const string RootBase = "SRCROOT";

    /// <summary>
    /// Writes <paramref name="diagnostics"/> to <paramref name="file"/>; paths are made relative
    /// to <paramref name="repositoryRoot"/> (e.g. <c>input/safety.md</c>).
    /// </summary>
    public static void Write(string file, IEnumerable<Diagnostic> diagnostics, string inputFolder, string repositoryRoot)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        using var stream = File.Create(file);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        Create(diagnostics, inputFolder, repositoryRoot).WriteTo(writer);
    }

    /// <summary>The log as a JSON object.</summary>
    public static JsonObject Create(IEnumerable<Diagnostic> diagnostics, string inputFolder, string repositoryRoot)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new JsonArray();
        foreach (var info in DiagnosticCatalog.All)
        {
            ruleIndex[info.Code] = rules.Count;
            // As JsonNode: the generic Add<T> may serialize by reflection, which the native program cannot.
            rules.Add((JsonNode)new JsonObject
            {
                ["id"] = info.Code,
                ["shortDescription"] = new JsonObject { ["text"] = info.Meaning },
                ["help"] = new JsonObject { ["text"] = info.Fix },
                ["defaultConfiguration"] = new JsonObject { ["level"] = info.Severity == "error" ? "error" : "warning" },
            });
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        var results = new JsonArray();
        foreach (var diagnostic in diagnostics)
        {
            var result = new JsonObject
            {
                ["ruleId"] = diagnostic.Code,
                ["level"] = diagnostic.Severity == Severity.Error ? "error" : "warning",
                ["message"] = new JsonObject { ["text"] = diagnostic.Message },
            };
            if (ruleIndex.TryGetValue(diagnostic.Code, out var index))
            {
                result["ruleIndex"] = index;
            }

            if (Location(diagnostic, inputFolder, root) is { } location)
            {
                result["locations"] = new JsonArray(location);
            }

            results.Add((JsonNode)result);
        }

        return new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "LdnSite",
                        ["rules"] = rules,
                    },
                },
                ["originalUriBaseIds"] = new JsonObject { [RootBase] = new JsonObject { ["uri"] = new Uri(root + Path.DirectorySeparatorChar).AbsoluteUri } },
                ["results"] = results,
            }),
        };
    }

    // Options and the build as a whole ('--base-url', '(build)') are no file: no location.
    private static JsonObject? Location(Diagnostic diagnostic, string inputFolder, string root)
    {
        if (diagnostic.Path.Length == 0 || diagnostic.Path.StartsWith('-') || diagnostic.Path.StartsWith('('))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.IsPathRooted(diagnostic.Path) ? diagnostic.Path : Path.Combine(inputFolder, diagnostic.Path));
        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        var artifact = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? new JsonObject { ["uri"] = new Uri(full).AbsoluteUri }
            : new JsonObject { ["uri"] = string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)), ["uriBaseId"] = RootBase };
        var physical = new JsonObject { ["artifactLocation"] = artifact };
        if (diagnostic.Line > 0)
        {
            var region = new JsonObject { ["startLine"] = diagnostic.Line };
            if (diagnostic.Column > 0)
            {
                region["startColumn"] = diagnostic.Column;
            }

            physical["region"] = region;
        }

        return new JsonObject { ["physicalLocation"] = physical };
    }
}
