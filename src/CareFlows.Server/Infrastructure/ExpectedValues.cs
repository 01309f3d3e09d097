using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace CareFlows.Server.Infrastructure;

/// <summary>What a request member or parameter must hold, in words a client understands (never a .NET type name).</summary>
internal static partial class ExpectedValues
{
    /// <summary>For example "a string", "a whole number" or "one of Running, Finished"; null when any JSON will do.</summary>
    public static string? Describe(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(type))}";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String or TypeCode.Char => "a string",
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            TypeCode.DateTime => "a date and time, for example 2026-01-31T09:00:00Z",
            _ => DescribeObject(type),
        };
    }

    /// <summary>
    /// The type of what <paramref name="jsonPath"/> (such as <c>$.items[0].name</c>) names in a body read as
    /// <paramref name="root"/>, following the serializer's own contract; null when the path leaves what it describes.
    /// </summary>
    public static Type? AtPath(Type root, string jsonPath, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        ArgumentNullException.ThrowIfNull(options);
        Type? type = root;
        foreach (Match segment in PathSegment().Matches(jsonPath))
        {
            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            var name = segment.Groups["name"];
            type = info.Kind switch
            {
                JsonTypeInfoKind.Enumerable when !name.Success => info.ElementType,
                JsonTypeInfoKind.Dictionary when name.Success => info.ElementType,
                JsonTypeInfoKind.Object when name.Success => info.Properties
                    .FirstOrDefault(p => string.Equals(p.Name, name.Value, StringComparison.OrdinalIgnoreCase))?.PropertyType,
                _ => null,
            };
            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    private static string? DescribeObject(Type type) => type switch
    {
        _ when type == typeof(DateTimeOffset) => "a date and time, for example 2026-01-31T09:00:00Z",
        _ when type == typeof(TimeSpan) => "a duration, for example 01:30:00",
        _ when type == typeof(Guid) => "a GUID",
        _ when type == typeof(JsonObject) => "a JSON object",
        _ when type == typeof(JsonArray) => "a JSON array",
        _ when type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type) => null,
        _ when typeof(IDictionary).IsAssignableFrom(type) => "a JSON object",
        _ when typeof(IEnumerable).IsAssignableFrom(type) => "a JSON array",
        _ => "a JSON object",
    };

    // One step of a JSON path as System.Text.Json writes them: .name, ['name'] or [index].
    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
