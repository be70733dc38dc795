namespace LdnSite.Benchmark;

/// <summary>
/// A minimal Hugo site over the same Markdown, with the layouts of a <see cref="HugoBaseline"/>.
/// Taxonomies, feeds, the sitemap and robots.txt are turned off, as LdnSite writes none of them
/// for a generated corpus either.
/// </summary>
public static class HugoSite
{
    /// <summary>Copies the corpus into a Hugo site at <paramref name="site"/> with <paramref name="baseline"/>'s layouts.</summary>
    public static void Create(string input, string site, HugoBaseline baseline)
    {
        if (Directory.Exists(site))
        {
            Directory.Delete(site, recursive: true);
        }

        var content = Path.Combine(site, "content");
        foreach (var file in Directory.EnumerateFiles(input, "*.md", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(input, file);
            if (Path.GetFileName(relative) == "index.md")
            {
                relative = Path.Combine(Path.GetDirectoryName(relative)!, "_index.md");
            }

            var target = Path.Combine(content, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(site, "config.toml"), """
            baseURL = "https://ldn.example.org/"
            title = "Benchmark"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
            [markup.goldmark.renderer]
              unsafe = false
            """);
        var layouts = Path.Combine(site, "layouts", "_default");
        Directory.CreateDirectory(layouts);
        File.WriteAllText(Path.Combine(layouts, "baseof.html"), baseline.BaseLayout);
        File.WriteAllText(Path.Combine(layouts, "single.html"), baseline.MainBlock);
        File.WriteAllText(Path.Combine(layouts, "list.html"), baseline.MainBlock);
    }
}
