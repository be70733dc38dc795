namespace LdnSite.Engine.Diagnostics;

/// <summary>
/// Thrown by a module when one document cannot be processed because its input is wrong. The
/// engine records the diagnostic and carries on with the other documents, so one run reports
/// every broken file at once.
/// </summary>
public sealed class InputException(Diagnostic diagnostic) : Exception(diagnostic.ToString())
{
    /// <summary>What is wrong, and where.</summary>
    public Diagnostic Diagnostic { get; } = diagnostic;
}
