namespace LdnSite.Theme;

using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

/// <summary>
/// The theme's <c>include</c>: renders a partial straight into the page being written. Scriban's
/// own <c>include</c> renders each partial into a new string builder and copies the result into
/// its caller, so a page of 50 KB built from nested partials was grown, copied and cleared three
/// levels deep: at 10,000 pages about half of all layout time went to those buffers (measured with
/// dotnet-trace). For a plain <c>{{ include 'name' }}</c> statement it keeps what Scriban's include
/// does: the same template lookup (only the theme's partials, see
/// <see cref="ThemeTemplates.GetPath"/>), recursion limit, local scope, positional arguments
/// (<c>$0</c>, <c>$1</c>…), and the partial's file named in errors. Any other use of include goes
/// to Scriban's own.
/// </summary>
internal sealed class InlineInclude : IScriptCustomFunction
{
    /// <inheritdoc />
    public int RequiredParameterCount => 1;

    /// <inheritdoc />
    public int ParameterCount => 1;

    /// <inheritdoc />
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    /// <inheritdoc />
    public Type ReturnType => typeof(object);

    /// <inheritdoc />
    public ScriptParameterInfo GetParameterInfo(int index) =>
        index == 0 ? new ScriptParameterInfo(typeof(string), "template_name") : new ScriptParameterInfo(typeof(object), "value");

    /// <inheritdoc />
    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var caller = callerContext ?? context.CurrentNode;
        if (arguments.Count == 0 || caller is null)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? context.CurrentSpan, "Expecting the name of the partial to include, as in {{ include 'header' }}.");
        }

        var path = context.GetTemplatePathFromName(context.ObjectToString(arguments[0]), caller);
        if (path is null)
        {
            return null;
        }

        var template = context.GetOrCreateTemplate(path, caller);

        // Only a plain statement, {{ include 'name' }}, is written in place. Where the include's
        // value is used ({{ x = include 'a' }}, a pipe, a condition), or it takes named
        // arguments, or it sits in an indented block, Scriban's own include does exactly what it
        // always did: render to a string and return it.
        if (caller.Parent is not ScriptExpressionStatement || !string.IsNullOrEmpty(context.CurrentIndent)
            || (caller is ScriptFunctionCall call && call.Arguments.Any(a => a is ScriptNamedArgument)))
        {
            return context.RenderTemplate(template, arguments, caller);
        }

        context.EnterRecursive(caller);
        context.PushLocal();
        try
        {
            context.SetValue(ScriptVariable.Arguments, arguments, true, true);
            EvaluateInto(context, template);
        }
        finally
        {
            context.PopLocal();
            context.ExitRecursive(caller);
        }

        return null;
    }

    /// <summary>
    /// Runs <paramref name="template"/> into the context's current output, as Scriban's
    /// Template.Render does but without copying that output into a string afterwards.
    /// </summary>
    public static void EvaluateInto(TemplateContext context, Template template)
    {
        if (template.Page is null)
        {
            return;
        }

        if (template.SourceFilePath is not null)
        {
            context.PushSourceFile(template.SourceFilePath);
        }

        try
        {
            var result = context.Evaluate(template.Page);
            if (context.EnableOutput && result is not null)
            {
                context.Write(template.Page.Span, result);
            }
        }
        finally
        {
            if (template.SourceFilePath is not null)
            {
                context.PopSourceFile();
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));
}
