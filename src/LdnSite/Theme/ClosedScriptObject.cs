namespace LdnSite.Theme;

using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

/// <summary>
/// A script object that refuses any member it does not hold. A partial that the build renders
/// once and reuses (see <see cref="PageModelBuilder"/>) is given only what its result is keyed
/// by; reading anything else must be a theme error, not an empty value, which is what Scriban's
/// relaxed member access gives for a missing member.
/// </summary>
internal sealed class ClosedScriptObject : ScriptObject
{
    /// <inheritdoc />
    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (base.TryGetValue(context, span, member, out value))
        {
            return true;
        }

        throw new ScriptRuntimeException(span, $"'{member}' is not available here: this partial is rendered once for many pages and sees only {string.Join(", ", Keys.Order(StringComparer.Ordinal))}.");
    }
}
