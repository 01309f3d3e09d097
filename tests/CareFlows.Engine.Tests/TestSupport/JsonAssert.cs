using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Engine.Tests.TestSupport;

/// <summary>Compares JSON up to key order and whitespace, naming the first place that differs.</summary>
public static class JsonAssert
{
    public static void Equivalent(JsonNode? expected, JsonNode? actual)
    {
        var difference = FirstDifference(expected, actual, "$");
        Assert.True(difference is null, difference);
    }

    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.TryGetPropertyValue(key, out var other))
                    {
                        return $"{path}.{key} is missing";
                    }

                    if (FirstDifference(value, other, $"{path}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                var extra = a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k));
                return extra is null ? null : $"{path}.{extra} was added";
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path} has {a.Count} items instead of {e.Count}";
                }

                for (var i = 0; i < e.Count; i++)
                {
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonValue e, JsonValue a):
                return ScalarEquals(e, a) ? null : $"{path} is {a.ToJsonString()} instead of {e.ToJsonString()}";
            default:
                return $"{path} is {actual?.ToJsonString() ?? "null"} instead of {expected?.ToJsonString() ?? "null"}";
        }
    }

    private static bool ScalarEquals(JsonValue e, JsonValue a)
    {
        if (e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number)
        {
            return double.Parse(e.ToJsonString(), CultureInfo.InvariantCulture) == double.Parse(a.ToJsonString(), CultureInfo.InvariantCulture);
        }

        if (e.GetValueKind() == JsonValueKind.String && a.GetValueKind() == JsonValueKind.String)
        {
            return e.GetValue<string>() == a.GetValue<string>();
        }

        return e.GetValueKind() == a.GetValueKind() && e.ToJsonString() == a.ToJsonString();
    }
}
