namespace LdnSite.Benchmark;

/// <summary>
/// A minimal Hugo site over the same Markdown: a base layout with the site's sections in the
/// navigation, the current section's pages beside the content, and a table of contents, so
/// both generators do comparable work per page.
/// </summary>
public static class HugoSite
{
    /// <summary>Copies the corpus into a Hugo site at <paramref name="site"/>.</summary>
    public static void Create(string input, string site)
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
        File.WriteAllText(Path.Combine(layouts, "baseof.html"), """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
            <meta name="description" content="{{ .Description }}"><link rel="stylesheet" href="/assets/site.css"></head>
            <body><header><nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav></header>
            <main>{{ block "main" . }}{{ end }}</main>
            {{ with .CurrentSection }}<nav><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>{{ end }}
            <footer>Not medical advice.</footer></body></html>
            """);
        var main = """{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Description }}</p>{{ .TableOfContents }}{{ .Content }}</article>{{ end }}""";
        File.WriteAllText(Path.Combine(layouts, "single.html"), main);
        File.WriteAllText(Path.Combine(layouts, "list.html"), main);
    }
}
