namespace LdnSite.Cli;

using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using LdnSite.Content;
using LdnSite.Urls;

/// <summary>
/// <c>ldnsite new conditions/sleep --title "Sleep and LDN"</c>: writes a new page with complete
/// front matter (a short menu title, the next free place in its menu) and a body that explains
/// how to write it, then says how to preview it. It never overwrites anything.
/// </summary>
public static partial class NewCommand
{
    /// <summary>What an unwritten description says; the build warns on it (LDN008).</summary>
    public const string PlaceholderDescription = "TODO: one sentence that says what the page covers.";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\z")]
    private static partial Regex PagePath();

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var path = new Argument<string>("page") { Description = "Where the page goes under input/, without .md: 'sleep', or 'conditions/sleep' for a page in a section." };
        var title = new Option<string>("--title") { Description = "The page title.", Required = true };
        var description = new Option<string?>("--description") { Description = "One sentence that says what the page covers (you can write it later)." };
        var input = new Option<DirectoryInfo>("--input")
        {
            Description = "Folder of Markdown content (default: the repository's input/).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(RepositoryFolders.Root, "input")),
        };
        var command = new Command("new", "Create a page with complete front matter and a body to fill in.") { path, title, description, input };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var page = parse.GetValue(path)!.Trim().Trim('/');
            if (page.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                page = page[..^3];
            }

            if (!PagePath().IsMatch(page) || page.Length > 100)
            {
                error.WriteLine($"{page}: error LDN009: page names are lower-case letters, digits and '-', with '/' between folders (e.g. conditions/sleep); they become the page's address.");
                return 1;
            }

            var titleText = parse.GetValue(title)!.Trim();
            var descriptionText = parse.GetValue(description)?.Trim();
            if (titleText.Length == 0 || titleText.Length > 120 || titleText.Any(char.IsControl) || (descriptionText is not null && (descriptionText.Length == 0 || descriptionText.Any(char.IsControl))))
            {
                error.WriteLine("--title: error LDN009: the title (and description, if given) must be one line of text; the title at most 120 characters.");
                return 1;
            }

            var inputFolder = parse.GetValue(input)!.FullName;
            var source = page + ".md";
            var file = Path.Combine(inputFolder, source);
            var existing = Directory.Exists(inputFolder)
                ? Directory.EnumerateFiles(inputFolder, "*.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(inputFolder, f).Replace('\\', '/')).ToList()
                : [];
            if (existing.FirstOrDefault(e => string.Equals(SitePaths.DestinationOf(e), SitePaths.DestinationOf(source), StringComparison.OrdinalIgnoreCase)) is { } clash)
            {
                error.WriteLine($"{Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(inputFolder, clash)).Replace('\\', '/')}: error LDN009: that page already exists (it would be written to the same address); nothing was changed. Edit it, or choose another name.");
                return 1;
            }

            var text = Template(titleText, descriptionText, NextOrder(inputFolder, source, existing));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
            }

            output.WriteLine($"Created {Path.GetRelativePath(Environment.CurrentDirectory, file)}. Preview it with: dotnet run --project src/LdnSite -- serve");
            return 0;
        });
        return command;
    }

    /// <summary>The new page's text.</summary>
    public static string Template(string title, string? description, int order)
    {
        var navTitle = NavTitle(title);
        return $"""
            ---
            title: {Quote(title)}
            nav_title: {Quote(navTitle)}
            description: {Quote(description ?? PlaceholderDescription)}
            order: {order.ToString(CultureInfo.InvariantCulture)}
            review_interval_months: 12
            ---

            <!--
              How to write this page (CONTRIBUTING.md has the details):
              - Plain words and short sentences; the build warns above reading grade 9.
              - Cite every medical claim right after it: [@key], with a key from input/_data/references.yaml.
              - Put the nonmedical marker line (see CONTRIBUTING.md) before a paragraph that makes no medical claim.
              - Give promise and limits side by side, and no personal advice.
              - When a qualified reviewer has checked the page, add 'last_reviewed: yyyy-mm-dd' above.
            -->

            ## Overview

            <!-- nonmedical -->
            This page is being written.

            """.Replace("\r\n", "\n");
    }

    // Words that cannot end a menu entry: 'Chronic hiccups and' reads as a cut-off title.
    private static readonly HashSet<string> Dangling = new(
        ["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "than", "the", "to", "vs", "with", "&", "-", "–", "—"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The menu's short name: the title when it fits in 20 characters, else its first words up to
    /// 20 characters, never ending on a joining word (and, of, the…) or on punctuation.
    /// </summary>
    public static string NavTitle(string title)
    {
        if (title.Length <= 20)
        {
            return title;
        }

        // A subtitle after a colon is the first thing to leave out.
        if (title.IndexOf(": ", StringComparison.Ordinal) is > 0 and <= 20 and var colon)
        {
            return title[..colon];
        }

        var words = new List<string>();
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Count > 0 && string.Join(' ', words.Append(word)).Length > 20)
            {
                break;
            }

            words.Add(word);
        }

        while (words.Count > 1 && Dangling.Contains(words[^1].TrimEnd(',', ':', ';')))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words).TrimEnd(',', ':', ';', '-', '–', '—', ' ');
    }

    // The next free place in the page's menu: ten after the largest order among its neighbours.
    private static int NextOrder(string inputFolder, string source, IReadOnlyList<string> existing)
    {
        var folder = SitePaths.FolderOf(source);
        var orders = existing.Where(e => SitePaths.FolderOf(e) == folder)
            .Select(e => FrontMatterOrder(Path.Combine(inputFolder, e), inputFolder))
            .OfType<int>()
            .ToList();
        // In long arithmetic: a neighbour at int.MaxValue would make the next place negative.
        return orders.Count == 0 ? 10 : (int)Math.Min(int.MaxValue, ((orders.Max() / 10L) + 1) * 10);
    }

    // Read as the build reads data files: a named pipe, a link to /dev/zero or elsewhere, or a
    // huge file among the neighbours is passed over, never waited on or read without end.
    private static int? FrontMatterOrder(string file, string inputFolder)
    {
        try
        {
            var text = Engine.Input.CheckedFile.ReadText(file, inputFolder, SourceText.MaxBytes);
            var (frontMatter, _) = FrontMatterReader.Read(Path.GetFileName(file), text);
            return frontMatter.HideFromNav ? null : frontMatter.Order;
        }
        catch (Exception e) when (e is Engine.Diagnostics.InputException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
