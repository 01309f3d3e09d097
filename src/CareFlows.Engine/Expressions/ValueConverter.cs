using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Engine.Expressions;

/// <summary>
/// Converts values between the shapes they arrive in (JSON, strings written by the designer, script results)
/// and the types activities and variables declare. Failures say what could not be converted to what.
/// </summary>
public static class ValueConverter
{
    /// <summary>Converts <paramref name="value"/> to <typeparamref name="T"/>.</summary>
    public static T? Convert<T>(object? value) => value is T typed ? typed : (T?)Convert(value, typeof(T));

    /// <summary>Converts <paramref name="value"/> to <paramref name="target"/>.</summary>
    public static object? Convert(object? value, Type target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (value is JsonNode node)
        {
            return FromJson(node, target);
        }

        if (value is JsonElement element)
        {
            return FromJson(JsonSerializer.SerializeToNode(element), target);
        }

        if (value is null)
        {
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        }

        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        try
        {
            return ConvertPlain(value, type);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException or JsonException or NotSupportedException)
        {
            throw new ValueConversionException(value, target, e);
        }
    }

    /// <summary>
    /// The value in the shape instance state stores: primitives, date and time values, and JSON for anything
    /// structured, so state always serializes.
    /// </summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string or bool or int or long or double or decimal or float or short => value,
        DateTimeOffset or DateTime or TimeSpan or Guid => value,
        JsonValue v => ScalarOf(v),
        JsonNode n => n,
        JsonElement e => Normalize(JsonSerializer.SerializeToNode(e)),
        Enum e => e.ToString(),
        _ => ToJson(value),
    };

    /// <summary>The value as a JSON node.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode n => n.DeepClone(),
        TimeSpan t => JsonValue.Create(t.ToString("c", CultureInfo.InvariantCulture)),
        IDictionary<string, object?> d => new JsonObject(d.Select(p => KeyValuePair.Create(p.Key, ToJson(p.Value)))),
        IDictionary d => new JsonObject(d.Keys.Cast<object>().Select(k => KeyValuePair.Create(System.Convert.ToString(k, CultureInfo.InvariantCulture)!, ToJson(d[k])))),
        string s => JsonValue.Create(s),
        IEnumerable e => new JsonArray([.. e.Cast<object?>().Select(ToJson)]),
        _ => JsonSerializer.SerializeToNode(value, value.GetType()),
    };

    /// <summary>Plain text for a value, as WriteLine and templates show it.</summary>
    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonNode n => n.ToJsonString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static object? ScalarOf(JsonValue v) => v.GetValueKind() switch
    {
        JsonValueKind.String => v.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => v.TryGetValue<int>(out var i) ? i : v.TryGetValue<long>(out var l) ? l : v.GetValue<double>(),
        JsonValueKind.Null => null,
        _ => v,
    };

    private static object? FromJson(JsonNode? node, Type target)
    {
        if (node is null)
        {
            return Convert(null, target);
        }

        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsInstanceOfType(node))
        {
            return node.DeepClone();
        }

        if (node is JsonValue value)
        {
            return type == typeof(object) ? ScalarOf(value) : Convert(ScalarOf(value), target);
        }

        if (type == typeof(object))
        {
            return node.DeepClone();
        }

        if (type == typeof(string))
        {
            return node.ToJsonString();
        }

        try
        {
            return node.Deserialize(type);
        }
        catch (JsonException e)
        {
            throw new ValueConversionException(node.ToJsonString(), target, e);
        }
    }

    private static object? ConvertPlain(object value, Type type)
    {
        if (type == typeof(object))
        {
            return value;
        }

        if (type == typeof(string))
        {
            return ToText(value);
        }

        if (value is string text)
        {
            return Parse(text, type);
        }

        if (type == typeof(TimeSpan) && value is IConvertible milliseconds)
        {
            return TimeSpan.FromMilliseconds(milliseconds.ToDouble(CultureInfo.InvariantCulture));
        }

        if (type == typeof(DateTimeOffset) && value is DateTime dateTime)
        {
            return new DateTimeOffset(dateTime.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dateTime, DateTimeKind.Utc) : dateTime);
        }

        if (type.IsEnum)
        {
            return Enum.ToObject(type, value);
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(type))
        {
            if (value is double d && IsIntegral(type) && d != Math.Floor(d))
            {
                throw new InvalidCastException($"{d} is not a whole number.");
            }

            return System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }

        return FromJson(ToJson(value), type);
    }

    private static object? Parse(string text, Type type)
    {
        if (type == typeof(bool))
        {
            return bool.Parse(text.Trim());
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        if (type == typeof(DateTime))
        {
            return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        }

        if (type == typeof(Guid))
        {
            return Guid.Parse(text);
        }

        if (type.IsEnum)
        {
            return Enum.Parse(type, text, ignoreCase: true);
        }

        if (type.IsArray || type.IsGenericType || !typeof(IConvertible).IsAssignableFrom(type))
        {
            return FromJson(string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text), type);
        }

        return string.IsNullOrWhiteSpace(text) && type.IsValueType
            ? Activator.CreateInstance(type)
            : System.Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
    }

    private static bool IsIntegral(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte);
}

/// <summary>A value could not be converted to the type an activity input or variable declares.</summary>
public sealed class ValueConversionException : Exception
{
    public ValueConversionException(object? value, Type target, Exception? inner = null)
        : base($"Cannot convert {Describe(value)} to {TypeAliases.AliasOf(target)}.", inner)
    {
    }

    public ValueConversionException()
    {
    }

    public ValueConversionException(string message)
        : base(message)
    {
    }

    public ValueConversionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{(s.Length > 60 ? s[..60] + "…" : s)}\"",
        _ => ValueConverter.ToText(value) ?? value.GetType().Name,
    };
}
