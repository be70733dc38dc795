namespace LdnSite.Sources;

using System.Text.Json;

/// <summary>A registry's answer about one identifier: its record, or why there is none.</summary>
/// <typeparam name="T">The record's type.</typeparam>
/// <param name="Record">The record, when the answer held one.</param>
/// <param name="Answer">The HTTP answer.</param>
/// <param name="Unreadable">Why the answer could not be read (not JSON, not the documented shape), or null.</param>
public sealed record Lookup<T>(T? Record, Answer Answer, string? Unreadable = null)
    where T : class
{
    /// <summary>Reads a found answer's body with <paramref name="read"/>; any other answer passes through.</summary>
    public static Lookup<T> From(Answer answer, Func<JsonElement, T?> read)
    {
        if (answer.Kind != AnswerKind.Found || answer.Body is null)
        {
            return new Lookup<T>(null, answer);
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body, new JsonDocumentOptions { MaxDepth = 64 });
            var record = read(document.RootElement);
            return record is null ? new Lookup<T>(null, answer, "not the documented shape") : new Lookup<T>(record, answer);
        }
        catch (JsonException)
        {
            return new Lookup<T>(null, answer, "not valid JSON");
        }
        catch (InvalidOperationException)
        {
            // A value of another kind than documented (a number where text belongs).
            return new Lookup<T>(null, answer, "not the documented shape");
        }
    }
}

/// <summary>Small readers for JSON whose shape is not trusted: a missing or odd field is null, never an exception.</summary>
public static class Json
{
    /// <summary>The property, when <paramref name="element"/> is an object that has it.</summary>
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A text property (a number is given as its text).</summary>
    public static string? Text(this JsonElement element, string name) => element.Get(name) is { } value ? AsText(value) : null;

    /// <summary>The first item of an array property that is text, or the property itself when it is text.</summary>
    public static string? FirstText(this JsonElement element, string name) => element.Get(name) switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(AsText).FirstOrDefault(t => t is not null),
        { } value => AsText(value),
        null => null,
    };

    /// <summary>The items of an array property (none when it is missing or not an array).</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
