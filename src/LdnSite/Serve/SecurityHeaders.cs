namespace LdnSite.Serve;

/// <summary>
/// The security headers the hosted site is served with. <c>netlify.toml</c> sends the same
/// values in production (a test reads that file and compares), and the dev server sends them
/// too, so a page that breaks under the production policy breaks in preview first.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>No inline scripts or styles and nothing from other origins: the theme needs none.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Header name → value, for every response.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        // Browsers ignore it over plain http (the dev server); it is sent so both lists stay one.
        ["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains",
        ["Referrer-Policy"] = "strict-origin-when-cross-origin",
        ["X-Content-Type-Options"] = "nosniff",
        ["Permissions-Policy"] = "interest-cohort=()",
    };
}
