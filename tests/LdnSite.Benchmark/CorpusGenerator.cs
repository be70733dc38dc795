namespace LdnSite.Benchmark;

using System.Text;

/// <summary>
/// Writes a synthetic knowledge base of N pages in sections of 100: front matter, headings,
/// paragraphs, lists, a table, links to pages in other sections and citations, about 9 KB a
/// page; with the real data files and a glossary page. Seeded, so every run generates the same corpus.
/// </summary>
public static class CorpusGenerator
{
    private static readonly string[] Words =
    ("immune response inflammation cytokine receptor endorphin dose titration clinical trial placebo patient symptom " +
     "study evidence safety tolerability naltrexone autoimmune condition disease treatment outcome quality life sleep " +
     "dream report effect mechanism pathway signal regulation balance research review cohort pilot randomised measure " +
     "the of and to in a with for on is that as may by from be are this was were which have has not but or an at").Split(' ');

    private static readonly string[] CitationKeys = ["smith2007", "younger2014", "cree2010", "smith2013"];

    /// <summary>Section folder of page <paramref name="index"/>.</summary>
    public static string SectionOf(int index) => $"section-{index / 100:D3}";

    /// <summary>Source path of page <paramref name="index"/> (the first of each section is its index page).</summary>
    public static string SourceOf(int index) => index % 100 == 0 ? $"{SectionOf(index)}/index.md" : $"{SectionOf(index)}/page-{index % 100:D3}.md";

    /// <summary>Writes <paramref name="pages"/> pages under <paramref name="input"/>, with the real data files.</summary>
    public static void Generate(string input, int pages, string dataFolder)
    {
        if (Directory.Exists(input))
        {
            Directory.Delete(input, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(input, "_data"));
        // The corrections log names the real site's pages, which the corpus does not have.
        foreach (var file in Directory.GetFiles(dataFolder).Where(f => Path.GetFileName(f) != "corrections.yaml"))
        {
            File.Copy(file, Path.Combine(input, "_data", Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(input, "index.md"), "---\ntitle: Benchmark home\ndescription: The generated corpus.\n---\n\nA generated knowledge base [@smith2007].\n");
        // The glossary page, as the real site has it: every page links its terms' first use to an
        // entry here (without the page, a site gets no glossary links at all, so the benchmark
        // would skip that per-page work).
        File.WriteAllText(Path.Combine(input, "glossary.md"), "---\ntitle: Glossary\ndescription: Plain-language definitions.\nlayout: glossary\norder: 210\nhide_from_nav: true\nnonmedical: true\n---\n\nTerms are linked the first time they appear on each page.\n");
        var random = new Random(42);
        for (var i = 0; i < pages - 1; i++)
        {
            var path = Path.Combine(input, SourceOf(i));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Page(i, pages - 1, random));
        }
    }

    /// <summary>The Markdown of page <paramref name="index"/>.</summary>
    public static string Page(int index, int total, Random random)
    {
        var text = new StringBuilder();
        text.Append($"---\ntitle: Topic {index} {Word(random)} {Word(random)}\ndescription: Generated page {index} about {Word(random)}.\norder: {index % 100}\n---\n\n");
        text.Append(Paragraph(random, 60, index, total)).Append("\n\n");
        for (var section = 0; section < 5; section++)
        {
            text.Append($"## {Capital(Word(random))} {Word(random)} {section}\n\n");
            text.Append(Paragraph(random, 90, index, total)).Append("\n\n");
            text.Append($"### {Capital(Word(random))} details {section}\n\n");
            text.Append(Paragraph(random, 70, index, total)).Append("\n\n");
            for (var item = 0; item < 4; item++)
            {
                // Every claim cites a source, as the site's rules ask, so the build reports no warnings for it.
                text.Append($"- {Capital(Word(random))} {Sentence(random, 8)} [@{CitationKeys[random.Next(CitationKeys.Length)]}]\n");
            }

            text.Append('\n');
            if (section == 2)
            {
                text.Append("| Measure | Before | After |\n| --- | --- | --- |\n");
                for (var row = 0; row < 4; row++)
                {
                    text.Append($"| {Capital(Word(random))} | {random.Next(100)} | {random.Next(100)} |\n");
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Paragraph(Random random, int words, int index, int total)
    {
        var text = new StringBuilder(Capital(Sentence(random, words / 3)));
        var other = random.Next(total);
        var link = SourceOf(other);
        var relative = link.StartsWith(SectionOf(index) + "/", StringComparison.Ordinal) ? Path.GetFileName(link) : "../" + link;
        text.Append($" See [{Word(random)} {Word(random)}]({relative}) [@{CitationKeys[random.Next(CitationKeys.Length)]}]. ");
        text.Append(Capital(Sentence(random, words / 3))).Append(". ");
        text.Append(Capital(Sentence(random, words / 3))).Append($" [@{CitationKeys[random.Next(CitationKeys.Length)]}; @{CitationKeys[random.Next(CitationKeys.Length)]}].");
        return text.ToString();
    }

    private static string Sentence(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));

    private static string Word(Random random) => Words[random.Next(Words.Length)];

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
