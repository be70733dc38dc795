namespace LdnSite.Engine.Diagnostics;

/// <summary>
/// Turns an exception no check foresaw into a diagnostic that names the file being processed,
/// so a user never sees a stack trace and the build still ends with a non-zero exit code.
/// </summary>
public static class Unexpected
{
    /// <summary>A diagnostic with <paramref name="code"/> for <paramref name="exception"/> raised while processing <paramref name="path"/>.</summary>
    public static Diagnostic Diagnostic(string code, string path, Exception exception) =>
        Diagnostics.Diagnostic.Error(path.Length == 0 ? "(build)" : path, 0, 0, code,
            $"Unexpected failure while processing this file ({Describe(exception)}). The build stopped and the previous output is unchanged; if the file looks right, please report this.");

    /// <summary>One line: the exception's kind and message, without a stack trace.</summary>
    public static string Describe(Exception exception)
    {
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var message = inner.Message.ReplaceLineEndings(" ");
        return $"{inner.GetType().Name}: {(message.Length > 300 ? message[..300] + "…" : message)}";
    }
}
