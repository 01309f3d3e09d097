using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Server.Runtime;

/// <summary>
/// JSON written one way whatever way it arrived: object members in ordinal order, no whitespace, numbers without
/// trailing zeros or exponents where a decimal holds them. Two payloads that differ only in member order, spacing or the
/// spelling of a number (<c>1.0</c>, <c>1</c>, <c>1e0</c>) are the same payload, and hash alike.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>SHA-256 of the canonical form, as lower-case hex (no payload hashes as <c>null</c>).</summary>
    public static string Hash(JsonNode? node) => Convert.ToHexStringLower(SHA256.HashData(ToUtf8(node)));

    /// <summary>The canonical form as UTF-8.</summary>
    public static byte[] ToUtf8(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(node, writer);
        }

        return buffer.ToArray();
    }

    private static void Write(JsonNode? node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(value, writer);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number
                && decimal.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value):
                // Dividing by 1 with the most decimal places a decimal has drops its trailing zeros.
                writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
