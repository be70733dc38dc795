namespace LdnSite.Modules;

using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using LdnSite.Engine.Documents;
using LdnSite.Engine.Input;
using LdnSite.Engine.Modules;

/// <summary>
/// Turns the data files (<c>_data/references.yaml</c>, <c>glossary.yaml</c>, <c>findings.yaml</c>,
/// <c>help.yaml</c>, <c>corrections.yaml</c>) into one document holding the typed
/// <see cref="SiteData"/>, after checking keys are unique and fields are filled.
/// </summary>
public sealed class LoadSiteData(string inputFolder) : IModule
{
    private const string ReferencesFile = SiteData.ReferencesFile;

    /// <summary>The data the Data pipeline loaded; empty when loading failed (its errors are already reported).</summary>
    public static SiteData Output(IExecutionContext context) =>
        context.Outputs(SitePipelines.Data).FirstOrDefault()?.Get(SiteData.Key) ?? SiteData.Empty;

    private const string GlossaryFile = SiteData.GlossaryFile;

    /// <inheritdoc />
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var texts = new DataTexts(
            ReadIfExists(ReferencesFile, context),
            ReadIfExists(GlossaryFile, context),
            ReadIfExists(DecisionDataRules.FindingsFile, context),
            ReadIfExists(DecisionDataRules.HelpFile, context),
            ReadIfExists(DecisionDataRules.CorrectionsFile, context));
        // A rebuild finds the same texts parsed and checked already (with what was reported). A
        // file that could not be read is keyed as a text no file can hold.
        var key = CacheKeys.SiteData(texts.All.Select(t => t ?? "\0unreadable").ToArray());
        var (data, reported) = ReuseRegister.SiteData.GetOrAdd(context.Cache, key, () => Load(texts, key));
        foreach (var diagnostic in reported)
        {
            context.Diagnostics.Add(diagnostic);
        }

        IReadOnlyList<Document> result = [new Document("_data", "", Metadata.Empty, new TextContent("")).With(SiteData.Key, data)];
        return Task.FromResult(result);
    }

    // Each data file's text; null when it could not be read (its error is already reported).
    private sealed record DataTexts(string? References, string? Glossary, string? Findings, string? Help, string? Corrections)
    {
        public IEnumerable<string?> All => [References, Glossary, Findings, Help, Corrections];
    }

    // The fingerprint is the cache key: every file's text, hashed part by part (no two sets of texts share it).
    private static (SiteData Data, IReadOnlyList<Diagnostic> Reported) Load(DataTexts texts, string fingerprint)
    {
        var (readReferences, referencesText, glossaryText) = (texts.References, texts.References ?? "", texts.Glossary ?? "");
        // Each file is read on its own and a broken one is reported, not thrown: pages are still
        // built and checked, so one run lists the data errors and the page errors together.
        var diagnostics = new DiagnosticBag();
        var references = ReadList<Reference>(ReferencesFile, referencesText, (r, line) => r.Line = line, diagnostics);
        var referencesComplete = references is not null && readReferences is not null;
        var glossary = ReadList<GlossaryTerm>(GlossaryFile, glossaryText, (t, line) => t.Line = line, diagnostics) ?? [];
        references ??= [];

        CheckSearchLimit(GlossaryFile, glossary, t => t.Line, "glossary terms", diagnostics);
        CheckSearchLimit(ReferencesFile, references, r => r.Line, "references", diagnostics);

        var byKey = new Dictionary<string, Reference>(StringComparer.Ordinal);
        var dois = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = referencesText.Split('\n');
        foreach (var reference in Valid(references, r => ReferenceRules.Check(r, ReferencesFile, lines), diagnostics))
        {
            if (!byKey.TryAdd(reference.Key, reference))
            {
                diagnostics.Add(Diagnostic.Error(ReferencesFile, reference.Line, 1, "LDN042", $"Reference key '{reference.Key}' is used twice; keys must be unique."));
            }
            else if (reference.Doi.Length > 0 && !dois.TryAdd(reference.Doi, reference.Key))
            {
                diagnostics.Add(Diagnostic.Error(ReferencesFile, reference.Line, 1, "LDN046", $"Reference '{reference.Key}' has the same DOI as '{dois[reference.Doi]}'; each source is listed once."));
            }
        }

        var terms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in glossary)
        {
            if (string.IsNullOrWhiteSpace(term.Term) || string.IsNullOrWhiteSpace(term.Definition))
            {
                diagnostics.Add(Diagnostic.Error(GlossaryFile, term.Line, 1, "LDN043", "A glossary entry needs both 'term' and 'definition'."));
            }
            else if (!anchors.Add(term.Anchor))
            {
                diagnostics.Add(Diagnostic.Error(GlossaryFile, term.Line, 1, "LDN044", $"Glossary term '{term.Term}' gets the same anchor (#{term.Anchor}) as another term; reword one of them."));
            }
            else if (!terms.Add(term.Term) || term.Aliases.Any(a => !terms.Add(a)))
            {
                diagnostics.Add(Diagnostic.Error(GlossaryFile, term.Line, 1, "LDN044", $"Glossary term or alias of '{term.Term}' is listed twice."));
            }
        }

        var complete = referencesComplete && !diagnostics.HasErrors;
        var findings = Checked<Finding>(DecisionDataRules.FindingsFile, texts.Findings, (f, line) => f.Line = line, (f, lines) => DecisionDataRules.Check(f, byKey, complete, lines), diagnostics);
        var help = Checked<HelpEntry>(DecisionDataRules.HelpFile, texts.Help, (h, line) => h.Line = line, DecisionDataRules.Check, diagnostics);
        var corrections = Checked<Correction>(DecisionDataRules.CorrectionsFile, texts.Corrections, (c, line) => c.Line = line, DecisionDataRules.Check, diagnostics)
            .OrderByDescending(c => c.Date, StringComparer.Ordinal).ToList();

        var data = new SiteData(byKey, glossary)
        {
            Fingerprint = fingerprint,
            ReferencesComplete = complete,
            Findings = findings,
            Help = help,
            Corrections = corrections,
        };
        return (data, diagnostics.Sorted());
    }

    // A list read and checked entry by entry (see Valid).
    private static List<T> Checked<T>(string path, string? text, Action<T, int> setLine, Func<T, string[], IEnumerable<Diagnostic>> check, DiagnosticBag diagnostics)
    {
        var lines = (text ?? "").Split('\n');
        return Valid(ReadList(path, text ?? "", setLine, diagnostics) ?? [], entry => check(entry, lines), diagnostics);
    }

    // The entries without a problem, every problem reported: a page never shows a half-checked
    // entry, and one run lists every problem in the file.
    private static List<T> Valid<T>(IEnumerable<T> entries, Func<T, IEnumerable<Diagnostic>> check, DiagnosticBag diagnostics)
    {
        var kept = new List<T>();
        foreach (var entry in entries)
        {
            var problems = check(entry).ToList();
            foreach (var problem in problems)
            {
                diagnostics.Add(problem);
            }

            if (problems.Count == 0)
            {
                kept.Add(entry);
            }
        }

        return kept;
    }

    // Glossary terms and sources are each one section of a search entry, and search numbers a
    // page's sections below SectionsPerPage: past that, the file is named here, at the first
    // entry too many, rather than the search index failing without a file.
    private static void CheckSearchLimit<T>(string file, List<T> entries, Func<T, int> line, string what, DiagnosticBag diagnostics)
    {
        const long limit = Search.SearchChunks.SectionsPerPage;
        if (entries.Count > limit)
        {
            diagnostics.Add(Diagnostic.Error(file, line(entries[(int)limit]), 1, "LDN048",
                $"{file} lists {entries.Count:N0} {what}; search holds at most {limit:N0}. Remove the entries from this one on."));
        }
    }

    private static List<T>? ReadList<T>(string path, string text, Action<T, int> setLine, DiagnosticBag diagnostics)
    {
        try
        {
            return YamlList.Read(path, text, setLine);
        }
        catch (InputException e)
        {
            diagnostics.Add(e.Diagnostic);
            return null;
        }
    }

    // Through the engine's checked reader: a named pipe, a device or a link out of the input
    // folder in place of a data file is one error (LDN016), never a hang or a read of elsewhere.
    private string? ReadIfExists(string relative, IExecutionContext context)
    {
        try
        {
            return CheckedFile.ReadText(Path.Combine(inputFolder, relative), inputFolder, MaxDataBytes);
        }
        catch (FileNotFoundException)
        {
            return "";
        }
        catch (Engine.Documents.CheckedFileException e)
        {
            context.Diagnostics.Add(Diagnostic.Error(relative, 0, 0, "LDN016", $"This data file is not read: {e.Message}. Make it a plain text file inside the input folder."));
            return null;
        }
    }

    // Far above any real list of references or glossary terms, and far below what would exhaust memory.
    private const long MaxDataBytes = 16L * 1024 * 1024;
}
