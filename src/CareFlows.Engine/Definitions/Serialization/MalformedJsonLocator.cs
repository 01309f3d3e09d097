using System.Text.Json;

namespace CareFlows.Engine.Definitions.Serialization;

/// <summary>Finds the JSON path at which malformed text breaks, by walking its tokens until the reader fails.</summary>
internal static class MalformedJsonLocator
{
    public static string Locate(ReadOnlySpan<byte> utf8)
    {
        var path = new List<object>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path.Add(reader.GetString()!);
                        break;
                    case JsonTokenType.StartArray:
                        path.Add(-1);
                        break;
                    case JsonTokenType.StartObject:
                        AdvanceIndex(path);
                        path.Add(ObjectMarker.Instance);
                        break;
                    case JsonTokenType.EndObject:
                        path.RemoveAt(path.Count - 1);
                        EndValue(path);
                        break;
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        EndValue(path);
                        break;
                    default:
                        AdvanceIndex(path);
                        EndValue(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return Format(path);
        }

        return "$";
    }

    // A value inside an array moves the array's index on.
    private static void AdvanceIndex(List<object> path)
    {
        if (path.Count > 0 && path[^1] is int index)
        {
            path[^1] = index + 1;
        }
    }

    // A value for a property ends that property.
    private static void EndValue(List<object> path)
    {
        if (path.Count > 0 && path[^1] is string)
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    private static string Format(List<object> path)
    {
        var text = new System.Text.StringBuilder("$");
        foreach (var part in path)
        {
            switch (part)
            {
                case string name:
                    text.Append('.').Append(name);
                    break;
                case int index when index >= 0:
                    text.Append('[').Append(index).Append(']');
                    break;
            }
        }

        return text.ToString();
    }

    private sealed class ObjectMarker
    {
        public static readonly ObjectMarker Instance = new();
    }
}
