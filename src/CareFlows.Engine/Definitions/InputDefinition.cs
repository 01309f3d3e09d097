using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Engine.Definitions;

/// <summary>
/// An activity input: <c>{"typeName": "String", "expression": {"type": "Literal", "value": "…"}}</c>.
/// A bare JSON value is read as a Literal, as Elsa does.
/// </summary>
public sealed record InputDefinition(string? TypeName, ExpressionDefinition Expression)
{
    /// <summary>Parses an input's JSON, or returns null when it is absent, null or has no expression.</summary>
    public static InputDefinition? From(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj when JsonKeys.Has(obj, "typeName") || JsonKeys.Has(obj, "expression"):
                var typeName = JsonKeys.Get(obj, "typeName");
                var expression = JsonKeys.Get(obj, "expression");
                return expression is JsonObject exprObject
                    ? new InputDefinition(AsString(typeName), ExpressionDefinition.From(exprObject))
                    : null;
            default:
                return new InputDefinition(null, new ExpressionDefinition(ExpressionDefinition.Literal, node.DeepClone()));
        }
    }

    /// <summary>A literal input of the given Elsa type alias.</summary>
    public static InputDefinition Literal(string typeName, JsonNode? value) =>
        new(typeName, new ExpressionDefinition(ExpressionDefinition.Literal, value));

    /// <summary>An input evaluated by the given expression syntax.</summary>
    public static InputDefinition Of(string typeName, string syntax, string value) =>
        new(typeName, new ExpressionDefinition(syntax, JsonValue.Create(value)));

    public JsonObject ToJson()
    {
        var obj = new JsonObject();
        if (TypeName is not null)
        {
            obj["typeName"] = TypeName;
        }

        obj["expression"] = Expression.ToJson();
        return obj;
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}

/// <summary>An expression: its syntax (<c>Literal</c>, <c>JavaScript</c>, <c>Liquid</c>, …) and its value.</summary>
public sealed record ExpressionDefinition(string Type, JsonNode? Value)
{
    public const string Literal = "Literal";
    public const string Object = "Object";
    public const string Json = "Json";
    public const string Variable = "Variable";
    public const string JavaScript = "JavaScript";
    public const string Liquid = "Liquid";

    /// <summary>The value as text: strings as they are, anything else as compact JSON.</summary>
    public string? Text => Value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => Value.ToJsonString(),
    };

    internal static ExpressionDefinition From(JsonObject obj)
    {
        var type = JsonKeys.Get(obj, "type");
        var syntax = type is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : Literal;
        var value = JsonKeys.Get(obj, "value");
        return new ExpressionDefinition(syntax, value?.DeepClone());
    }

    public JsonObject ToJson() => new() { ["type"] = Type, ["value"] = Value?.DeepClone() };
}
