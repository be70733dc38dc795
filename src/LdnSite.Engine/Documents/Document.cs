namespace LdnSite.Engine.Documents;

/// <summary>
/// The unit of work: an immutable record of where a document came from, where it goes, its
/// metadata and its content. Modules never change a document; they return new ones.
/// </summary>
/// <param name="Source">Path of the source relative to its input root, with '/' separators; empty for generated documents.</param>
/// <param name="Destination">Output path relative to the output root, with '/' separators; empty when not written.</param>
/// <param name="Metadata">Typed values that modules attach.</param>
/// <param name="Content">The document's content.</param>
public sealed record Document(string Source, string Destination, Metadata Metadata, DocumentContent Content)
{
    /// <summary>A document read from <paramref name="source"/> with text content.</summary>
    public static Document FromText(string source, string text) =>
        new(source, "", Metadata.Empty, new TextContent(text));

    /// <summary>Returns a copy with one metadata value set.</summary>
    public Document With<T>(MetadataKey<T> key, T value) where T : notnull =>
        this with { Metadata = Metadata.With(key, value) };

    /// <summary>Returns a copy without one metadata value.</summary>
    public Document Without<T>(MetadataKey<T> key) => this with { Metadata = Metadata.Without(key) };

    /// <summary>Shorthand for <c>Metadata.Get</c>.</summary>
    public T Get<T>(MetadataKey<T> key) => Metadata.Get(key);

    /// <summary>The content as text.</summary>
    public string Text => Content.ReadText();
}
