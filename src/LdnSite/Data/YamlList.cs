namespace LdnSite.Data;

using LdnSite.Engine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

/// <summary>Reads a YAML file that is a list of records, keeping each record's line and turning YAML errors into diagnostics.</summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = FillsOwnRecords)]
public static class YamlList
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        // A key given twice is an error, not a silent "last one wins": a contributor who adds a
        // second 'title:' below the first should learn which one the site uses.
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Parses <paramref name="text"/>; throws <see cref="InputException"/> naming <paramref name="path"/> and the line.</summary>
    public static List<T> Read<T>(string path, string text, Action<T, int> setLine)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            var items = new List<T>();
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return items;
            }

            parser.Consume<DocumentStart>();
            parser.Consume<SequenceStart>();
            while (!parser.Accept<SequenceEnd>(out _))
            {
                var line = (int)parser.Current!.Start.Line;
                var item = Deserializer.Deserialize<T>(parser);
                setLine(item, line);
                items.Add(item);
            }

            return items;
        }
        catch (YamlException e)
        {
            var lines = text.Split('\n');
            var lineText = e.Start.Line >= 1 && e.Start.Line <= lines.Length ? lines[(int)e.Start.Line - 1] : null;
            throw new InputException(Diagnostic.Error(path, (int)e.Start.Line, (int)e.Start.Column, "LDN040",
                $"{Describe(e, lineText, typeof(T))} Each entry is a '- key: value' item; see the other entries for the fields."));
        }
    }

    /// <summary>
    /// A YamlDotNet error in words a contributor can act on. With the failing line's text and the
    /// type being read, a value of the wrong kind is named by the kind its key expects.
    /// </summary>
    public static string Describe(YamlException e, string? lineText = null, Type? readingType = null)
    {
        if (lineText is not null && readingType is not null && KindOfKey(lineText, readingType) is { } expected && e.InnerException is not null)
        {
            return $"Expected {expected} here.";
        }

        var message = (e.InnerException as YamlException)?.Message ?? e.InnerException?.Message ?? e.Message;
        const string notFound = "Property '";
        if (message.StartsWith(notFound, StringComparison.Ordinal) && message.Contains("' not found on type", StringComparison.Ordinal))
        {
            var name = message[notFound.Length..message.IndexOf('\'', notFound.Length)];
            var known = readingType is null ? [] : KnownKeys(readingType);
            var closest = Diagnostics.Closest.Match(name, known);
            return $"Unknown field '{name}'." + (closest is null ? "" : $" Did you mean '{closest}'?");
        }

        const string duplicate = "Encountered duplicate key ";
        if (message.IndexOf(duplicate, StringComparison.Ordinal) is var at and >= 0)
        {
            return $"The key '{message[(at + duplicate.Length)..].Trim()}' is given twice; keep one of the two lines.";
        }

        // The usual cause: a value that holds ': ' or starts with a character YAML reads as syntax.
        if (message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase)
            || message.Contains("While scanning a plain scalar", StringComparison.OrdinalIgnoreCase)
            || message.Contains("found invalid mapping", StringComparison.OrdinalIgnoreCase))
        {
            return "A value here holds ': ' (or another character YAML reads as syntax); put the whole value in quotes, e.g. title: 'LDN: what we know'.";
        }

        if (ExpectedKind(e) is { } kind)
        {
            return $"Expected {kind} here.";
        }

        return $"Not valid YAML: {message.TrimEnd('.')}.";
    }

    /// <summary>The YAML names of the fields of <paramref name="type"/> (title, nav_title, …).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = ReadsOwnRecords)]
    public static IReadOnlyList<string> KnownKeys(Type type) =>
        type.GetProperties()
            .Where(p => p.CanWrite && !p.IsDefined(typeof(YamlIgnoreAttribute), inherit: true))
            .Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name))
            .ToList();

    // The kind of value the key on this line takes, found by its underscored name anywhere in the type being read.
    private static string? KindOfKey(string lineText, Type type)
    {
        var key = lineText.TrimStart(' ', '-').Split(':')[0].Trim();
        var name = string.Concat(key.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        var property = FindProperty(type, name, depth: 0);
        var target = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return target switch
        {
            null => null,
            _ when target == typeof(int) || target == typeof(long) => "a whole number (such as 12)",
            _ when target == typeof(bool) => "true or false",
            _ when target == typeof(double) || target == typeof(decimal) => "a number",
            _ when target != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(target) => "a list, written [a, b] or as '- item' lines",
            _ when target.IsClass && target != typeof(string) => "'key: value' lines",
            _ => "text (put it in quotes if it holds ':' or starts with '[', '{' or '-')",
        };
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = ReadsOwnRecords)]
    private static System.Reflection.PropertyInfo? FindProperty(Type type, string name, int depth)
    {
        if (depth > 3 || type == typeof(string) || type.IsPrimitive)
        {
            return null;
        }

        return type.GetProperty(name)
            ?? type.GetProperties().Where(p => p.PropertyType.IsClass && p.PropertyType != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType))
                .Select(p => FindProperty(p.PropertyType, name, depth + 1)).FirstOrDefault(p => p is not null);
    }

    /// <summary>Why YamlDotNet's deserializer may run in the native program, for each class that uses it.</summary>
    internal const string FillsOwnRecords = "YamlDotNet's reflection-based deserializer creates and fills the record types of this program, which the native program keeps whole (TrimmerRootAssembly in LdnSite.csproj); it makes no code at run time. NativeProgramTests builds the site with it.";

    private const string ReadsOwnRecords = "Only the YAML record types of this program are passed in (and their record-typed properties); the native program keeps this assembly whole.";

    // YamlDotNet names .NET types ("System.Int32, System.Private.CoreLib, Version=…") when a
    // value has the wrong kind; a contributor needs the kind in plain words.
    private static string? ExpectedKind(Exception e)
    {
        var chain = string.Join(" ", Chain(e).Select(x => x.Message + " " + x.GetType().Name));
        return chain switch
        {
            _ when chain.Contains("Int32", StringComparison.Ordinal) || chain.Contains("Int64", StringComparison.Ordinal) => "a whole number (such as 12)",
            _ when chain.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when chain.Contains("Double", StringComparison.Ordinal) || chain.Contains("Decimal", StringComparison.Ordinal) => "a number",
            _ when chain.Contains("SequenceStart", StringComparison.Ordinal) || chain.Contains("List`1", StringComparison.Ordinal) => "a list, written [a, b] or as '- item' lines",
            _ when chain.Contains("MappingStart", StringComparison.Ordinal) => "'key: value' lines",
            _ when chain.Contains("System.String", StringComparison.Ordinal) => "text (put it in quotes if it holds ':' or starts with '[', '{' or '-')",
            _ => null,
        };
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
