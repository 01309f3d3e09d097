using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using JintEngine = Jint.Engine;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>
/// Moves values between the host and a script. Host values become plain JavaScript values (JSON as objects and
/// arrays, dates as <c>Date</c>); no host object is ever handed to a script. Script values come back as strings,
/// doubles, booleans, <see cref="DateTimeOffset"/> and <see cref="JsonNode"/> for objects and arrays.
/// </summary>
internal sealed class JsValueMapper(JintEngine engine)
{
    /// <summary>Deepest nesting converted either way; it also stops a value that refers to itself.</summary>
    public const int MaxDepth = 64;

    /// <summary>Longest array that may leave a script; a sparse array can claim a length the host cannot hold.</summary>
    public const int MaxArrayLength = 100_000;

    private static readonly JsString LengthKey = JsString.Create("length");

    public JsValue ToJs(object? value) => ToJs(ValueConverter.Normalize(value), 0);

    /// <summary>A script value as a host value; functions and symbols have none and give null.</summary>
    public object? ToClr(JsValue value) => value switch
    {
        JsString or JsNumber or JsBoolean => value.ToObject(),
        JsDate date => DateOf(date),
        ObjectInstance when value.IsCallable() => null,
        ObjectInstance => ToJson(value, 0),
        JsBigInt => value.ToString(),
        _ => null,
    };

    /// <summary>A script value as JSON text, the way <c>toJson()</c> shows it.</summary>
    public string ToJsonText(JsValue value) => ToJson(value, 0)?.ToJsonString() ?? "null";

    private JsValue ToJs(object? value, int depth) => value switch
    {
        null => JsValue.Null,
        string s => JsString.Create(s),
        bool b => b ? JsBoolean.True : JsBoolean.False,
        int i => JsNumber.Create(i),
        long l => JsNumber.Create(l),
        double d => JsNumber.Create(d),
        decimal m => JsNumber.Create(m),
        float f => JsNumber.Create((double)f),
        short s => JsNumber.Create((int)s),
        DateTimeOffset or DateTime => JsValue.FromObject(engine, value),
        JsonObject o => ObjectOf(o, depth),
        JsonArray a => ArrayOf(a, depth),
        JsonNode n => ToJs(ValueConverter.Normalize(n), depth),
        _ => JsString.Create(ValueConverter.ToText(value) ?? ""),
    };

    private JsObject ObjectOf(JsonObject json, int depth)
    {
        CheckDepth(depth);
        var result = new JsObject(engine);
        foreach (var (name, child) in json)
        {
            result.FastSetDataProperty(name, ToJs(ValueConverter.Normalize(child), depth + 1));
        }

        return result;
    }

    private JsArray ArrayOf(JsonArray json, int depth)
    {
        CheckDepth(depth);
        var items = new JsValue[json.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ToJs(ValueConverter.Normalize(json[i]), depth + 1);
        }

        return new JsArray(engine, items);
    }

    private JsonNode? ToJson(JsValue value, int depth)
    {
        switch (value)
        {
            case JsString:
                return JsonValue.Create(value.ToString());
            case JsBoolean:
                return JsonValue.Create(value.AsBoolean());
            case JsNumber:
                var number = value.AsNumber();
                return double.IsFinite(number) ? JsonValue.Create(number) : null;
            case JsDate date:
                return DateOf(date) is { } time ? JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)) : null;
            case JsBigInt:
                return JsonNode.Parse(value.ToString());
            case ObjectInstance obj when !obj.IsCallable():
                CheckDepth(depth);
                return obj.IsArray() ? JsonArrayOf(obj, depth) : JsonObjectOf(obj, depth);
            default:
                return null;
        }
    }

    private JsonArray JsonArrayOf(ObjectInstance array, int depth)
    {
        var length = TypeConverter.ToLength(array.Get(LengthKey));
        if (length > MaxArrayLength)
        {
            throw new ExpressionEvaluationException($"A script array has {length} items; at most {MaxArrayLength} can leave a script.");
        }

        var result = new JsonArray();
        for (var i = 0; i < (int)length; i++)
        {
            result.Add(ToJson(array.Get(JsNumber.Create(i)), depth + 1));
        }

        return result;
    }

    private JsonObject JsonObjectOf(ObjectInstance obj, int depth)
    {
        var result = new JsonObject();
        foreach (var key in obj.GetOwnPropertyKeys(Types.String))
        {
            if (!obj.GetOwnProperty(key).Enumerable)
            {
                continue;
            }

            var child = obj.Get(key);
            if (!child.IsCallable() && !child.IsSymbol() && !child.IsUndefined())
            {
                result[key.ToString()] = ToJson(child, depth + 1);
            }
        }

        return result;
    }

    private static DateTimeOffset? DateOf(JsDate date) =>
        double.IsNaN(date.DateValue) ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)date.DateValue);

    private static void CheckDepth(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new ExpressionEvaluationException($"A value is nested more than {MaxDepth} levels deep, or contains itself.");
        }
    }
}
