namespace LdnSite.Cli;

using System.CommandLine;

/// <summary>The options every command shares: where input, theme and output are, and the public URL.</summary>
public sealed class SiteOptions
{
    /// <summary>--input.</summary>
    public Option<DirectoryInfo> Input { get; } = new("--input")
    {
        Description = "Folder of Markdown content (default: the repository's input/).",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(RepositoryFolders.Root, "input")),
    };

    /// <summary>--theme.</summary>
    public Option<DirectoryInfo> Theme { get; } = new("--theme")
    {
        Description = "Folder of layouts and assets (default: the repository's theme/).",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(RepositoryFolders.Root, "theme")),
    };

    /// <summary>--output.</summary>
    public Option<DirectoryInfo> Output { get; } = new("--output")
    {
        Description = "Folder the site is written to (default: the repository's output/).",
        DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(RepositoryFolders.Root, "output")),
    };

    /// <summary>--base-url.</summary>
    public Option<string> BaseUrl { get; } = new("--base-url")
    {
        Description = "Absolute URL the site is published at, for canonical links and the sitemap.",
        DefaultValueFactory = _ => "https://ldn.example.org/",
    };

    /// <summary>--strict.</summary>
    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Treat warnings that matter for publishing (overdue reviews, uncited references) as errors.",
    };

    /// <summary>--repository-url.</summary>
    public Option<string?> RepositoryUrl { get; } = new("--repository-url")
    {
        Description = "The repository's https address, for 'Edit this page' links (default: from GitHub Actions, else the 'origin' remote; no links when unknown).",
    };

    /// <summary>--repository-branch.</summary>
    public Option<string> RepositoryBranch { get; } = new("--repository-branch")
    {
        Description = "The branch 'Edit this page' links open.",
        DefaultValueFactory = _ => "main",
    };

    /// <summary>--all-diagnostics.</summary>
    public Option<bool> AllDiagnostics { get; } = new("--all-diagnostics")
    {
        Description = $"Print every diagnostic (by default, each code's first {BuildReporter.ShownPerCode} and a count of the rest).",
    };

    /// <summary>--sarif.</summary>
    public Option<FileInfo?> Sarif { get; } = new("--sarif")
    {
        Description = "Also write every diagnostic (none left out) to FILE as SARIF 2.1.0, for GitHub code scanning.",
        HelpName = "FILE",
    };

    /// <summary>Writes the build's diagnostics to the --sarif file, when one was asked for.</summary>
    public void WriteSarif(ParseResult parse, Engine.Pipelines.BuildResult result, SiteSettings settings)
    {
        if (parse.GetValue(Sarif) is { } file)
        {
            Diagnostics.SarifLog.Write(file.FullName, result.Diagnostics, settings.InputFolder, RepositoryFolders.Root);
        }
    }

    /// <summary>How many diagnostics of each code to print (for the commands that add <see cref="AllDiagnostics"/>: build and zip).</summary>
    public int ShownPerCode(ParseResult parse) => parse.GetValue(AllDiagnostics) ? int.MaxValue : BuildReporter.ShownPerCode;

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Theme);
        command.Options.Add(Output);
        command.Options.Add(BaseUrl);
        command.Options.Add(Strict);
        command.Options.Add(RepositoryUrl);
        command.Options.Add(RepositoryBranch);
    }

    /// <summary>Settings from the parsed command line.</summary>
    public SiteSettings Read(ParseResult result)
    {
        var input = result.GetValue(Input)!.FullName;
        if (result.GetValue(RepositoryUrl) is { } url && Urls.RepositoryLinks.WebUrlOf(url) is null)
        {
            // Quietly dropping the edit links would leave the contributor guessing.
            throw new InvalidOptionException($"--repository-url: error LDN108: '{url}' is not an https address of a repository, such as https://github.com/owner/ldnsite.");
        }

        var (repositoryUrl, branch) = (result.GetValue(RepositoryUrl), result.GetValue(RepositoryBranch)!);
        var settings = new SiteSettings
        {
            InputFolder = input,
            ThemeFolder = result.GetValue(Theme)!.FullName,
            OutputFolder = result.GetValue(Output)!.FullName,
            BaseUrl = result.GetValue(BaseUrl)!,
            Strict = result.GetValue(Strict),
            ProtectedFolders = RepositoryFolders.Protected,
        };

        // Both ask git (a process each), side by side and while the build starts. Each waits on
        // its process on a thread of its own: on the thread pool they held up the first pipelines.
        return settings.WithPending(OnOwnThread(() => RepositoryFolders.Links(input, repositoryUrl, branch)), OnOwnThread(() => Content.GitHistory.LastChanged(RepositoryFolders.Checkout, input)));
    }

    private static Task<T> OnOwnThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}

/// <summary>An option value that cannot be used; its message is the whole error line.</summary>
public sealed class InvalidOptionException(string message) : Exception(message);
