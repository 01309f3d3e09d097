using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Engine.Definitions.Serialization;

/// <summary>
/// Takes known fields out of a JSON object case-insensitively and hands back the rest verbatim.
/// A known field written as an explicit null is left with the rest, so it is written back as it was.
/// </summary>
internal sealed class FieldReader(JsonObject source, string path)
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Path => path;

    public string PathOf(string field) => $"{path}.{field}";

    public JsonNode? Take(string field)
    {
        var key = FindKey(field);
        if (key is null)
        {
            return null;
        }

        var node = source[key];
        if (node is null)
        {
            return null;
        }

        _taken.Add(key);
        return node;
    }

    public string? String(string field) => Take(field) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw Wrong(field, "a string", other),
    };

    public string RequiredString(string field) =>
        String(field) ?? throw new WorkflowDefinitionFormatException(PathOf(field), $"'{field}' is required.");

    public int? Int(string field) => Take(field) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && int.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
        var other => throw Wrong(field, "a whole number", other),
    };

    public bool? Bool(string field) => Take(field) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw Wrong(field, "true or false", other),
    };

    public DateTimeOffset? DateTime(string field) => Take(field) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d) => d,
        var other => throw Wrong(field, "a date and time (ISO 8601)", other),
    };

    public JsonObject? Object(string field) => Take(field) switch
    {
        null => null,
        JsonObject o => (JsonObject)o.DeepClone(),
        var other => throw Wrong(field, "an object", other),
    };

    public JsonArray? Array(string field) => Take(field) switch
    {
        null => null,
        JsonArray a => (JsonArray)a.DeepClone(),
        var other => throw Wrong(field, "an array", other),
    };

    /// <summary>The elements of an array field with their paths; empty when absent.</summary>
    public IEnumerable<(JsonNode? Node, string Path)> Items(string field)
    {
        var key = FindKey(field);
        var node = Take(field);
        return node switch
        {
            null => [],
            JsonArray a => a.Select((item, i) => (item, $"{path}.{key}[{i}]")).ToList(),
            _ => throw Wrong(field, "an array", node),
        };
    }

    /// <summary>Every field not taken, in their original order, copied.</summary>
    public JsonObject Rest()
    {
        var rest = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (!_taken.Contains(key))
            {
                rest[key] = value?.DeepClone();
            }
        }

        return rest;
    }

    public static JsonObject Expect(JsonNode? node, string path, string what) =>
        node as JsonObject ?? throw new WorkflowDefinitionFormatException(path, $"Expected {what} as a JSON object, found {Describe(node)}.");

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the string \"{v.GetValue<string>()}\"",
            JsonValueKind.Number => $"the number {v.ToJsonString()}",
            _ => v.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    private string? FindKey(string field) => JsonKeys.Find(source, field);

    private WorkflowDefinitionFormatException Wrong(string field, string expected, JsonNode? found) =>
        new(PathOf(FindKey(field) ?? field), $"'{field}' must be {expected}, found {Describe(found)}.");
}
