using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;

namespace CareFlows.Server.Features.Metrics;

/// <summary>Reading the facts instances and tasks recorded as JSON.</summary>
internal static class RecordedJson
{
    public static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static DateTimeOffset? Instant(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    public static DateOnly? Date(JsonNode? node) =>
        Text(node) is { } text && DateOnly.TryParse(text.Length > 10 ? text[..10] : text, CultureInfo.InvariantCulture, out var date) ? date : null;

    public static double? Number(JsonNode? node) => JsonText.NumberOf(node);

    public static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static JsonObject? Object(string? json) => json is null ? null : JsonNode.Parse(json) as JsonObject;

    public static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
