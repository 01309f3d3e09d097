using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Server.Runtime;

/// <summary>
/// JSON written one way whatever way it arrived: object members in ordinal order, no whitespace. Two payloads that
/// differ only in member order or spacing are the same payload, and hash alike.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>SHA-256 of the canonical form, as lower-case hex; null for no payload.</summary>
    public static string? Hash(JsonNode? node) => node is null ? null : Convert.ToHexStringLower(SHA256.HashData(ToUtf8(node)));

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
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
