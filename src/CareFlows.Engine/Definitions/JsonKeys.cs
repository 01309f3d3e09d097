using System.Text.Json.Nodes;

namespace CareFlows.Engine.Definitions;

/// <summary>Case-insensitive property look-ups, because Elsa reads definitions case-insensitively.</summary>
internal static class JsonKeys
{
    public static string? Find(JsonObject obj, string name)
    {
        if (obj.ContainsKey(name))
        {
            return name;
        }

        foreach (var (key, _) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }

    public static bool Has(JsonObject obj, string name) => Find(obj, name) is not null;

    public static JsonNode? Get(JsonObject obj, string name) => Find(obj, name) is { } key ? obj[key] : null;
}
