using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Engine.Definitions;

/// <summary>
/// A string member of a JSON object, found as Elsa finds names (<see cref="JsonKeys"/>): what the activities read from
/// their object inputs and the server reads back from the bookmark payloads they write.
/// </summary>
public static class JsonText
{
    /// <summary>The member's string value, empty included; null when it is absent or not a string.</summary>
    public static string? StringOf(JsonObject? node, string name) =>
        node is not null && JsonKeys.Get(node, name) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>A JSON number however it was made — read from text, or handed over by a script as a double — or null.</summary>
    public static double? NumberOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;

    /// <summary>The member's string value when it is not empty; null otherwise.</summary>
    public static string? TextOf(JsonObject? node, string name) => StringOf(node, name) is { Length: > 0 } text ? text : null;
}
