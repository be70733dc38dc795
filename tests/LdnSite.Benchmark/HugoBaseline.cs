namespace LdnSite.Benchmark;

/// <summary>
/// The layouts of one Hugo site built over the benchmark corpus. Two baselines bracket Hugo's
/// cost: one doing work comparable to LdnSite's pages, and one doing almost nothing but render
/// Markdown, which shows how much of Hugo's time is the layouts rather than the content.
/// </summary>
/// <param name="Name">Shown in the report.</param>
/// <param name="Folder">Folder name for the site and, with <c>-out</c>, for its output.</param>
/// <param name="BaseLayout">The whole page, around a <c>main</c> block.</param>
/// <param name="MainBlock">The <c>main</c> block for single pages and section lists alike.</param>
public sealed record HugoBaseline(string Name, string Folder, string BaseLayout, string MainBlock)
{
    /// <summary>
    /// The site's sections in the navigation, the current section's pages beside the content and
    /// a table of contents, as LdnSite's pages have.
    /// </summary>
    public static HugoBaseline Comparable { get; } = new(
        "Hugo comparable",
        "hugo-comparable",
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
        <meta name="description" content="{{ .Description }}"><link rel="stylesheet" href="/assets/site.css"></head>
        <body><header><nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav></header>
        <main>{{ block "main" . }}{{ end }}</main>
        {{ with .CurrentSection }}<nav><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>{{ end }}
        <footer>Not medical advice.</footer></body></html>
        """,
        """{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Description }}</p>{{ .TableOfContents }}{{ .Content }}</article>{{ end }}""");

    /// <summary>Only the title and the rendered Markdown in a minimal HTML shell: a floor for Hugo's time.</summary>
    public static HugoBaseline ContentOnly { get; } = new(
        "Hugo content-only",
        "hugo-content-only",
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
        <body><main>{{ block "main" . }}{{ end }}</main></body></html>
        """,
        """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}""");
}
