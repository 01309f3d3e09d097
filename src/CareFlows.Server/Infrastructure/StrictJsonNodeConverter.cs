using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Reads free-form JSON members of request bodies (workflow input, event payloads, resume input). The default reader
/// builds objects with the web options' case-insensitive names, so <c>{"a":1,"A":2}</c> — valid JSON — and any
/// repeated name throw ArgumentException, which would surface as a 500. Here names keep their case, and a name given
/// twice is malformed input: a JsonException, which the problem handler turns into a 400 naming the JSON path.
/// </summary>
internal sealed class StrictJsonNodeConverter : JsonConverter<JsonNode>
{
    private static readonly JsonNodeOptions CaseSensitive = new() { PropertyNameCaseInsensitive = false };

    public override JsonNode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return ToNode(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, JsonNode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.WriteTo(writer, options);
    }

    private static JsonNode? ToNode(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToObject(element),
        JsonValueKind.Array => new JsonArray(CaseSensitive, [.. element.EnumerateArray().Select(ToNode)]),
        JsonValueKind.Null => null,
        _ => JsonValue.Create(element.Clone(), CaseSensitive),
    };

    private static JsonObject ToObject(JsonElement element)
    {
        var result = new JsonObject(CaseSensitive);
        foreach (var property in element.EnumerateObject())
        {
            if (!result.TryAdd(property.Name, ToNode(property.Value)))
            {
                throw new DuplicateJsonPropertyException($"The property '{property.Name}' appears more than once in the same object.");
            }
        }

        return result;
    }
}

/// <summary>A name given twice in one object of a free-form member; its message is the API's own words.</summary>
internal sealed class DuplicateJsonPropertyException(string message) : JsonException(message);
