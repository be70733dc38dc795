namespace LdnSite.Engine.Diagnostics;

/// <summary>How bad a diagnostic is.</summary>
public enum Severity
{
    /// <summary>Reported, but the build still succeeds.</summary>
    Warning,

    /// <summary>The build fails and the previous output is kept.</summary>
    Error,
}

/// <summary>
/// A problem with the input, located in a file. <see cref="ToString"/> prints the MSBuild
/// format (<c>path(line,col): error CODE: message</c>) that editors and CI annotate.
/// </summary>
/// <param name="Path">File the problem is in, as the user would type it.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Severity">Warning or error.</param>
/// <param name="Code">A stable code such as <c>E001</c>, for search and suppression.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Code, string Message)
{
    /// <summary>An error at a position.</summary>
    public static Diagnostic Error(string path, int line, int column, string code, string message) =>
        new(path, line, column, Severity.Error, code, message);

    /// <summary>A warning at a position.</summary>
    public static Diagnostic Warning(string path, int line, int column, string code, string message) =>
        new(path, line, column, Severity.Warning, code, message);

    /// <summary><paramref name="text"/> with every control character (line breaks among them) made a space.</summary>
    public static string OneLine(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        }
    });

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line > 0 ? $"{Path}({Line},{Math.Max(Column, 1)})" : Path;
        var kind = Severity == Severity.Error ? "error" : "warning";
        // One line, always: text from the input (a title with a line break) must not start a
        // line of its own, where a CI runner could read it as a command.
        return $"{where}: {kind} {Code}: {OneLine(Message)}".Replace('\n', ' ');
    }
}
