namespace LdnSite.Sources;

using LdnSite.Data;
using LdnSite.Engine.Diagnostics;
using YamlDotNet.RepresentationModel;

/// <summary>Where a field's value starts in references.yaml (1-based), for diagnostics that point at it.</summary>
/// <param name="Line">Line.</param>
/// <param name="Column">Column.</param>
public sealed record FieldMark(int Line, int Column);

/// <summary>One entry of references.yaml: the checked reference and where each of its fields is.</summary>
/// <param name="Reference">The entry, read and checked as the build reads it.</param>
/// <param name="Fields">Each top-level field's value position, by name.</param>
/// <param name="Indent">How many spaces the entry's fields are indented by.</param>
/// <param name="LastLine">The entry's last line holding a field.</param>
public sealed record ReferenceEntry(Reference Reference, IReadOnlyDictionary<string, FieldMark> Fields, int Indent, int LastLine)
{
    /// <summary>Where <paramref name="field"/>'s value is; the entry's first line when it has no such field.</summary>
    public FieldMark At(string field) => Fields.GetValueOrDefault(field) ?? new FieldMark(Reference.Line, Indent + 1);
}

/// <summary>
/// Reads references.yaml for check-sources: the same reader and rules as the build (so an entry
/// the build refuses is reported the same way and not looked up), plus YamlDotNet's marks for
/// every field, so a registry's disagreement points at the line and column of the value.
/// </summary>
public static class ReferenceEntries
{
    /// <summary>The file, relative to the input folder, as diagnostics name it.</summary>
    public const string File = "_data/references.yaml";

    /// <summary>The entries the build would accept, and the problems of the others.</summary>
    public static (IReadOnlyList<ReferenceEntry> Entries, IReadOnlyList<Diagnostic> Problems) Read(string text)
    {
        List<Reference> references;
        try
        {
            references = YamlList.Read<Reference>(File, text, (r, line) => r.Line = line);
        }
        catch (InputException e)
        {
            return ([], [e.Diagnostic]);
        }

        var marks = Marks(text);
        var lines = text.Split('\n');
        var entries = new List<ReferenceEntry>();
        var problems = new List<Diagnostic>();
        for (var i = 0; i < references.Count; i++)
        {
            var found = ReferenceRules.Check(references[i], File, lines).ToList();
            problems.AddRange(found);
            if (found.Count == 0 && i < marks.Count)
            {
                entries.Add(new ReferenceEntry(references[i], marks[i].Fields, marks[i].Indent, marks[i].LastLine));
            }
        }

        return (entries, problems);
    }

    // The same text, read as a YAML tree: one mapping per entry, in order.
    private static List<(Dictionary<string, FieldMark> Fields, int Indent, int LastLine)> Marks(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var result = new List<(Dictionary<string, FieldMark>, int, int)>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode sequence)
        {
            return result;
        }

        foreach (var item in sequence.Children)
        {
            var fields = new Dictionary<string, FieldMark>(StringComparer.Ordinal);
            var (indent, lastLine) = (2, (int)item.Start.Line);
            if (item is YamlMappingNode mapping)
            {
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        fields[name] = new FieldMark((int)value.Start.Line, (int)value.Start.Column);
                        lastLine = Math.Max(lastLine, (int)(value.End.Column == 1 ? value.End.Line - 1 : value.End.Line));
                    }
                }

                indent = mapping.Children.Count > 0 ? (int)mapping.Children.First().Key.Start.Column - 1 : 2;
            }

            result.Add((fields, indent, lastLine));
        }

        return result;
    }
}
