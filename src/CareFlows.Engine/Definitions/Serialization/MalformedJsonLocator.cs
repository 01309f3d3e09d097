using System.Text.Json;

namespace CareFlows.Engine.Definitions.Serialization;

/// <summary>
/// Finds the JSON path at which text is malformed, by walking its tokens: where the reader fails, or where an object
/// names a property a second time (which the reader accepts but no JSON object can hold).
/// </summary>
internal static class MalformedJsonLocator
{
    /// <summary>The path at which the reader fails; <c>$</c> when it does not.</summary>
    public static string Locate(ReadOnlySpan<byte> utf8)
    {
        var walk = new Walk();
        var reader = NewReader(utf8);
        try
        {
            while (reader.Read())
            {
                walk.Step(ref reader);
            }
        }
        catch (JsonException)
        {
            return walk.Path();
        }

        return "$";
    }

    /// <summary>The first property named twice in one object, and its path; null when there is none.</summary>
    public static (string Path, string Name)? FindDuplicateProperty(ReadOnlySpan<byte> utf8)
    {
        var walk = new Walk();
        var reader = NewReader(utf8);
        while (reader.Read())
        {
            if (walk.Step(ref reader) is { } duplicate)
            {
                return (walk.Path(), duplicate);
            }
        }

        return null;
    }

    private static Utf8JsonReader NewReader(ReadOnlySpan<byte> utf8) =>
        new(utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });

    /// <summary>The path to the current token, and the property names seen in each open object.</summary>
    private sealed class Walk
    {
        private readonly List<object> _path = [];
        private readonly Stack<HashSet<string>> _names = new();

        /// <summary>Takes in one token; returns the property name if the current object already had it.</summary>
        public string? Step(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    _path.Add(name);
                    return _names.Peek().Add(name) ? null : name;
                case JsonTokenType.StartArray:
                    AdvanceIndex();
                    _path.Add(-1);
                    break;
                case JsonTokenType.StartObject:
                    AdvanceIndex();
                    _path.Add(ObjectMarker.Instance);
                    _names.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    _names.Pop();
                    _path.RemoveAt(_path.Count - 1);
                    EndValue();
                    break;
                case JsonTokenType.EndArray:
                    _path.RemoveAt(_path.Count - 1);
                    EndValue();
                    break;
                default:
                    AdvanceIndex();
                    EndValue();
                    break;
            }

            return null;
        }

        public string Path()
        {
            var text = new System.Text.StringBuilder("$");
            foreach (var part in _path)
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

        // A value inside an array moves the array's index on.
        private void AdvanceIndex()
        {
            if (_path.Count > 0 && _path[^1] is int index)
            {
                _path[^1] = index + 1;
            }
        }

        // A value for a property ends that property.
        private void EndValue()
        {
            if (_path.Count > 0 && _path[^1] is string)
            {
                _path.RemoveAt(_path.Count - 1);
            }
        }
    }

    private sealed class ObjectMarker
    {
        public static readonly ObjectMarker Instance = new();
    }
}
