namespace LdnSite.Data;

using LdnSite.Engine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

/// <summary>Reads a YAML file that is a list of records, keeping each record's line and turning YAML errors into diagnostics.</summary>
public static class YamlList
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
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
            throw new InputException(Diagnostic.Error(path, (int)e.Start.Line, (int)e.Start.Column, "LDN040",
                $"{Describe(e)} Each entry is a '- key: value' item; see the other entries for the fields."));
        }
    }

    /// <summary>A YamlDotNet error in words a contributor can act on.</summary>
    public static string Describe(YamlException e)
    {
        var message = (e.InnerException as YamlException)?.Message ?? e.InnerException?.Message ?? e.Message;
        const string notFound = "Property '";
        if (message.StartsWith(notFound, StringComparison.Ordinal) && message.Contains("' not found on type", StringComparison.Ordinal))
        {
            var name = message[notFound.Length..message.IndexOf('\'', notFound.Length)];
            return $"Unknown field '{name}'.";
        }

        return $"Not valid YAML: {message}.";
    }
}
